package org.civicledger.domain.vote;

import java.util.Objects;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.person.Pseudonym;

/**
 * One ballot per person per idea: its identifier is made of both — the voter being the person's
 * pseudonym in this idea's context, so the stream name links the ballot to nothing else the person
 * did — and the event store's unique stream key enforces "one vote per person per idea" across threads
 * and instances, without any aggregate that every vote for a popular idea would have to lock.
 */
public record BallotId(IdeaId ideaId, Pseudonym voter) {

    public BallotId {
        Objects.requireNonNull(ideaId, "ideaId");
        Objects.requireNonNull(voter, "voter");
    }

    /** The start of the name of every ballot of {@code idea}: its ballots are the streams named so. */
    public static String prefixOf(IdeaId idea) {
        return "ballot-" + idea.value() + "-";
    }

    @Override
    public String toString() {
        return prefixOf(ideaId) + voter.value();
    }
}
