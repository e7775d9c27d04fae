package org.civicledger.domain.bench;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;

/** An administrator puts a registered bench into service. */
public record CommissionBench(@TargetAggregateIdentifier BenchId benchId, Pseudonym admin) {
}
