package org.civicledger.domain.vote;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Participant;

/**
 * A citizen supports an idea. {@code voter} is who votes (their pseudonym in the idea's context is the
 * ballot's); {@code actsSince} is when the person's current secret began if an earlier one was erased
 * (null otherwise): ideas submitted before then are closed to them, since an erased person's earlier
 * ballot can no longer be recognised as theirs.
 */
public record CastVote(@TargetAggregateIdentifier BallotId ballotId, Participant voter, Instant actsSince) {

    /** A vote of someone never erased who stated no profile. */
    public CastVote(BallotId ballotId) {
        this(ballotId, Participant.anonymous(ballotId.voter()), null);
    }
}
