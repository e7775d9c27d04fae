package org.civicledger.command.eventstore.kurrentdb;

import io.kurrent.dbclient.Position;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A tracking token on KurrentDB's {@code $all}: the commit and prepare position of the last event
 * handled. Positions grow with the log, so a token covers every token at or before it.
 */
public record KurrentDbPosition(long commit, long prepare) implements TrackingToken, Comparable<KurrentDbPosition> {

    static KurrentDbPosition of(Position position) {
        return new KurrentDbPosition(position.getCommitUnsigned(), position.getPrepareUnsigned());
    }

    Position toPosition() {
        return new Position(commit, prepare);
    }

    private static KurrentDbPosition cast(TrackingToken other) {
        if (other instanceof KurrentDbPosition position) {
            return position;
        }
        throw new IllegalArgumentException("Not a KurrentDB position: " + (other == null ? "null" : other.getClass()));
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        return compareTo(cast(other)) <= 0 ? this : other;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        return compareTo(cast(other)) >= 0 ? this : other;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(cast(other)) >= 0;
    }

    @Override
    public boolean samePositionAs(TrackingToken other) {
        return other != null && compareTo(cast(other)) == 0;
    }

    /**
     * The prepare position: unique per event and growing along {@code $all} (events appended together share
     * their commit position, each has its own prepare position), so progress reports can tell every event
     * apart. No projection decides what to apply by comparing positions (docs/architecture.md, "What each
     * guard relies on").
     */
    @Override
    public OptionalLong position() {
        return OptionalLong.of(prepare);
    }

    @Override
    public int compareTo(KurrentDbPosition other) {
        int byCommit = Long.compareUnsigned(commit, other.commit);
        return byCommit != 0 ? byCommit : Long.compareUnsigned(prepare, other.prepare);
    }
}
