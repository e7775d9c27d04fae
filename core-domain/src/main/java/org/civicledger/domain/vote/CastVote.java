package org.civicledger.domain.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A citizen supports an idea. */
public record CastVote(@TargetAggregateIdentifier BallotId ballotId) {
}
