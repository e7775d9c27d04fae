package org.civicledger.domain.bench;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** An administrator takes a bench out of service for good, with a reason. */
public record DecommissionBench(@TargetAggregateIdentifier BenchId benchId, Reason reason, Pseudonym admin) {
}
