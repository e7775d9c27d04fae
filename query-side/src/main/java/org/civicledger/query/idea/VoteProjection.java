package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.readstore.BatchedWrites;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per ballot (a person's support for one idea) in {@code ballots}, and each idea's
 * tally of the ballots that count now in {@code voteTallies}, so that reading an idea's votes is one
 * lookup by {@code _id} rather than a count over its ballots.
 *
 * <p>Neither replays nor duplicates inflate a count: a ballot applies each of its events once (its
 * version), and a tally applies each vote event once — it remembers the position in the event stream of
 * the last vote it counted, and the {@code ideas} processor takes events in stream order. Each
 * {@code VoteCast} adds one and each {@code VoteWithdrawn} takes one away: the ballot aggregate records a
 * cast only when the ballot does not count, and a withdrawal only when it does.
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP) // after the idea it is for, in one order
public class VoteProjection {

    public static final String COLLECTION = "ballots";
    public static final String TALLIES = "voteTallies";

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
        ballots.createIndex(Indexes.ascending("ideaId", "counted"));
        ballots.createIndex(Indexes.ascending("municipalityId"));
    }

    @EventHandler
    void on(VoteCast event, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
        cast(event, sequence, at, positionOf(message));
    }

    @EventHandler
    void on(VoteWithdrawn event, @SequenceNumber long sequence, EventMessage<?> message) {
        withdraw(event, sequence, positionOf(message));
    }

    /** A vote cast, at {@code position} in the event stream (null when not known: a dead letter retried). */
    void cast(VoteCast event, long sequence, Instant at, Long position) {
        String ballot = event.ideaId() + ":" + event.voterPseudonym();
        boolean changes = position != null || unseen(ballot, sequence); // asked only when there is no position
        Versioned.createOrApply(ballots, ballot, sequence, new Document("ideaId", event.ideaId())
                        .append("counted", true).append("municipalityId", homes.of(event.ideaId())).append("castAt", Date.from(at)),
                Updates.combine(Updates.set("counted", true), Updates.set("castAt", Date.from(at))));
        tally(event.ideaId(), 1, position, changes);
    }

    private boolean unseen(String ballot, long sequence) {
        Long seen = Versioned.versionOf(ballots, ballot);
        return seen == null || seen < sequence;
    }

    void withdraw(VoteWithdrawn event, long sequence, Long position) {
        boolean withdrawn = Versioned.apply(ballots, event.ideaId() + ":" + event.voterPseudonym(), sequence,
                Updates.set("counted", false));
        tally(event.ideaId(), -1, position, withdrawn);
    }

    /**
     * Moves the idea's tally by {@code delta} unless it has counted the event at {@code position} already.
     * Without a position, the ballot's own answer decides ({@code ballotChanged}).
     */
    private void tally(String ideaId, int delta, Long position, boolean ballotChanged) {
        Map<String, Document> seen = BatchedWrites.remembered(TALLIES, this::talliesOfThisBatch);
        Document tally = seen.computeIfAbsent(ideaId, id -> {
            Document stored = tallies.find(eq("_id", id)).first();
            return stored != null ? stored : newTally(id);
        });
        long counted = tally.get("position", Number.class).longValue();
        if (position == null ? !ballotChanged : position <= counted) {
            return;
        }
        long votes = tally.get("votes", Number.class).longValue() + delta;
        long at = position == null ? counted : position;
        tally.append("votes", votes).append("position", at);
        BatchedWrites.write(tallies, new UpdateOneModel<>(eq("_id", ideaId),
                Updates.combine(Updates.inc("votes", (long) delta), Updates.set("position", at)),
                new UpdateOptions().upsert(true)));
    }

    /** The tallies of every idea voted on in this batch, read at once. */
    private Map<String, Document> talliesOfThisBatch() {
        Map<String, Document> tallied = new HashMap<>();
        Set<String> ideas = new HashSet<>();
        for (EventMessage<?> event : BatchedWrites.batch()) {
            if (VoteCast.class.equals(event.getPayloadType())) {
                ideas.add(((VoteCast) event.getPayload()).ideaId());
            } else if (VoteWithdrawn.class.equals(event.getPayloadType())) {
                ideas.add(((VoteWithdrawn) event.getPayload()).ideaId());
            }
        }
        if (!ideas.isEmpty()) {
            tallies.find(in("_id", ideas)).forEach(t -> tallied.put(t.getString("_id"), t));
            ideas.forEach(id -> tallied.computeIfAbsent(id, VoteProjection::newTally));
        }
        return tallied;
    }

    private static Document newTally(String ideaId) {
        return new Document("_id", ideaId).append("votes", 0L).append("position", -1L);
    }

    private static Long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            java.util.OptionalLong position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    /** The ballots for the idea that count now. */
    public long countFor(String ideaId) {
        Document tally = tallies.find(eq("_id", ideaId)).first();
        return tally == null ? 0 : tally.get("votes", Number.class).longValue();
    }
}
