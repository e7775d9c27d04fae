package org.civicledger.domain.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A citizen takes their support back. */
public record WithdrawVote(@TargetAggregateIdentifier BallotId ballotId) {
}
