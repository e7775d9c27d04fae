package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.idea.TallySheet.Ballot;
import org.civicledger.query.readstore.BatchedWrites;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per ballot (a person's support for one idea) in {@code ballots}, and each idea's
 * tally of the ballots that count now in {@code voteTallies}, so that reading an idea's votes is one
 * lookup by {@code _id} rather than a count over its ballots.
 *
 * <p>What makes a vote count once is the ballot itself, never a position in the event stream (positions
 * are taken before their transactions commit, so events arrive out of their order, and a dead letter
 * retried has none). A ballot's events reach the projection in their own order; its document records the
 * last one applied ({@code version}), and an event applies only if it is newer. The tally moves by the
 * change of the ballot's {@code counted} state.
 *
 * <p>The read store has no transaction over two documents, so the ballot and the tally change in an
 * order that a crash cannot turn into a lost or a doubled vote: first the tally, which in the same
 * single-document update marks the ballot's event as counted ({@code counting.<voter>: sequence}); then
 * the ballot; then the mark is removed. A batch cut short anywhere is handled again: an event whose
 * ballot is at its version is done, one marked in the tally is counted and only its ballot is written.
 * The marks are few (the ballots of the batches in flight), so a tally stays small however many people
 * support the idea (docs/architecture.md, "What each guard relies on").
 *
 * <p>A vote for an idea the read store does not know (its submission parked as a dead letter) fails, and is
 * parked in turn: retried after the idea, it is filed under the idea's municipality, which the dashboards
 * count by.
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP) // after the idea it is for, in one order
public class VoteProjection {

    public static final String COLLECTION = "ballots";
    public static final String TALLIES = "voteTallies";
    static final String VERSION = "version";
    static final String COUNTED = "counted";
    static final String VOTES = "votes";
    static final String COUNTING = "counting";

    private final MongoCollection<Document> ballots;
    private final MongoCollection<Document> tallies;
    private final IdeaHomes homes;

    public VoteProjection(MongoDatabase readStore, IdeaHomes homes) {
        this.ballots = readStore.getCollection(COLLECTION);
        this.tallies = readStore.getCollection(TALLIES);
        this.homes = homes;
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        ballots.drop();
        tallies.drop();
        prepare();
    }

    private void prepare() {
        ballots.createIndex(Indexes.ascending("ideaId", COUNTED));
        ballots.createIndex(Indexes.ascending("municipalityId"));
    }

    @EventHandler
    void on(VoteCast event, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(event.ideaId(), event.voterPseudonym(), sequence, true, at);
    }

    @EventHandler
    void on(VoteWithdrawn event, @SequenceNumber long sequence) {
        record(event.ideaId(), event.voterPseudonym(), sequence, false, null);
    }

    /** Event {@code sequence} of the ballot of {@code voter} for {@code ideaId}: it counts now, or not; cast {@code at}. */
    private void record(String ideaId, String voter, long sequence, boolean counts, Instant castAt) {
        String municipality = homes.of(ideaId); // may send writes of the batch: before any of this event's are held
        if (municipality == null) { // the idea's submission is parked: a ballot filed under no municipality would stay so
            throw new IllegalStateException("Idea " + ideaId + " is not in the read store: its vote waits until it is");
        }
        TallySheet sheet = BatchedWrites.remembered(TALLIES, () -> new TallySheet(ballots, tallies));
        Ballot ballot = new Ballot(ideaId, voter);
        long version = sheet.versionBefore(ballot, sequence);
        String mark = COUNTING + "." + TallySheet.markOf(voter);
        if (version >= sequence) { // applied already: only a mark a cut-short batch left may remain
            if (sheet.marked(ballot) != null) {
                BatchedWrites.settle(tallies, new UpdateOneModel<>(eq("_id", ideaId), Updates.unset(mark)));
            }
            return;
        }
        long change = Long.valueOf(sequence).equals(sheet.marked(ballot)) ? 0 // counted before a crash
                : (counts ? 1 : 0) - (sheet.counted(ballot) ? 1 : 0);
        BatchedWrites.write(tallies, new UpdateOneModel<>(eq("_id", ideaId),
                Updates.combine(Updates.inc(VOTES, change), Updates.set(mark, sequence)), new UpdateOptions().upsert(true)));
        BatchedWrites.writeAfter(tallies, ballots, new UpdateOneModel<>(eq("_id", ballot.id()),
                ballotUpdate(ideaId, municipality, sequence, counts, castAt), new UpdateOptions().upsert(true)));
        BatchedWrites.settle(tallies, new UpdateOneModel<>(eq("_id", ideaId), Updates.unset(mark)));
        sheet.recorded(ballot, sequence, counts);
    }

    /** The ballot as of event {@code sequence}; made from it if the document is not there yet. */
    private static Bson ballotUpdate(String ideaId, String municipality, long sequence, boolean counts, Instant castAt) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(COUNTED, counts), Updates.set(VERSION, sequence),
                Updates.setOnInsert("ideaId", ideaId), Updates.setOnInsert("municipalityId", municipality)));
        if (castAt != null) {
            updates.add(Updates.set("castAt", Date.from(castAt)));
        }
        return Updates.combine(updates);
    }

    /** The ballots for the idea that count now. */
    public long countFor(String ideaId) {
        Document tally = tallies.find(eq("_id", ideaId)).projection(Projections.include(VOTES)).first();
        return tally == null ? 0 : tally.get(VOTES, Number.class).longValue();
    }
}
