package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.readstore.BatchedWrites;

/**
 * What {@link VoteProjection} knows, during one batch, of the ballots the batch's votes are about: each
 * ballot's version and {@code counted} state, and whether its idea's tally marks one of its events as
 * counted. Read for the whole batch at its first vote (two queries by {@code _id}), then kept up to date
 * with what the batch itself writes. Outside a batch (a dead letter retried) each ballot is read on its own.
 */
final class TallySheet {

    /** One person's ballot for one idea. */
    record Ballot(String ideaId, String voter) {
        String id() {
            return ideaId + ":" + voter;
        }
    }

    /**
     * A ballot as known here. {@code current}: written by this batch or read just now, rather than read
     * ahead at the start of the batch.
     */
    private record Known(long version, boolean counted, Long mark, boolean current) {
    }

    private static final Known NONE = new Known(-1, false, null, false);
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final MongoCollection<Document> ballots;
    private final MongoCollection<Document> tallies;
    private final Map<String, Known> known = new HashMap<>();

    TallySheet(MongoCollection<Document> ballots, MongoCollection<Document> tallies) {
        this.ballots = ballots;
        this.tallies = tallies;
        readAhead();
    }

    /** The name under which a tally marks the events of {@code voter}'s ballot: a field name MongoDB accepts. */
    static String markOf(String voter) {
        return FIELD_NAME.matcher(voter).matches() ? voter
                : "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(voter.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last event of the ballot its document records (-1: none), as it stands before event {@code sequence}.
     * A state read ahead that is not the one just before {@code sequence} is read again: a dead letter of this
     * ballot retried meanwhile may have moved it on.
     */
    long versionBefore(Ballot ballot, long sequence) {
        Known state = known(ballot);
        if (!state.current() && state.version() < sequence - 1) {
            state = read(ballot);
        }
        return state.version();
    }

    /** Whether the ballot counts, as its document records. */
    boolean counted(Ballot ballot) {
        return known(ballot).counted();
    }

    /** The event of the ballot its idea's tally marks as counted while the ballot's document catches up, if any. */
    Long marked(Ballot ballot) {
        return known(ballot).mark();
    }

    /** This batch has written event {@code sequence} of the ballot: counted in the tally, marked, and the ballot's own state. */
    void recorded(Ballot ballot, long sequence, boolean counts) {
        known.put(ballot.id(), new Known(sequence, counts, sequence, true));
    }

    private Known known(Ballot ballot) {
        Known state = known.get(ballot.id());
        return state != null ? state : read(ballot);
    }

    /**
     * Reads one ballot and its mark. Nothing of it can be pending in the batch (what the batch writes is
     * known here), so no held write needs sending first.
     */
    private Known read(Ballot ballot) {
        Document stored = ballots.find(eq("_id", ballot.id()))
                .projection(Projections.include(VoteProjection.VERSION, VoteProjection.COUNTED)).first();
        String mark = VoteProjection.COUNTING + "." + markOf(ballot.voter());
        Document tally = tallies.find(eq("_id", ballot.ideaId())).projection(Projections.include(mark)).first();
        Known state = state(stored, tally, ballot.voter(), true);
        known.put(ballot.id(), state);
        return state;
    }

    /** Every ballot the votes of the current batch are about, and their ideas' marks: one query each. */
    private void readAhead() {
        Map<String, Ballot> ahead = new HashMap<>();
        Set<String> ideas = new LinkedHashSet<>();
        for (EventMessage<?> event : BatchedWrites.batch()) {
            Ballot ballot = event.getPayload() instanceof VoteCast cast ? new Ballot(cast.ideaId(), cast.voterPseudonym())
                    : event.getPayload() instanceof VoteWithdrawn withdrawn
                    ? new Ballot(withdrawn.ideaId(), withdrawn.voterPseudonym()) : null;
            if (ballot != null) {
                ahead.put(ballot.id(), ballot);
                ideas.add(ballot.ideaId());
            }
        }
        if (ahead.isEmpty()) {
            return;
        }
        BatchedWrites.flush(ballots); // and the tallies before them
        Map<String, Document> stored = new HashMap<>();
        ballots.find(in("_id", ahead.keySet()))
                .projection(Projections.include(VoteProjection.VERSION, VoteProjection.COUNTED))
                .forEach(d -> stored.put(d.getString("_id"), d));
        Map<String, Document> tallied = new HashMap<>();
        tallies.find(in("_id", ideas)).projection(Projections.include(VoteProjection.COUNTING))
                .forEach(d -> tallied.put(d.getString("_id"), d));
        ahead.forEach((id, ballot) -> known.put(id,
                state(stored.get(id), tallied.get(ballot.ideaId()), ballot.voter(), false)));
    }

    private static Known state(Document ballot, Document tally, String voter, boolean current) {
        Document marks = tally == null ? null : tally.get(VoteProjection.COUNTING, Document.class);
        Number mark = marks == null ? null : marks.get(markOf(voter), Number.class);
        Long marked = mark == null ? null : mark.longValue();
        if (ballot == null) {
            return new Known(NONE.version(), NONE.counted(), marked, current);
        }
        return new Known(ballot.get(VoteProjection.VERSION, Number.class).longValue(),
                ballot.getBoolean(VoteProjection.COUNTED, false), marked, current);
    }
}
