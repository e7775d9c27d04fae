package org.civicledger.domain.bench;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** An administrator replaces a bench's key (a new device, a suspected leak); messages signed with the old key are refused from then on. */
public record RotateBenchKey(@TargetAggregateIdentifier BenchId benchId, BenchKey publicKey, Reason reason, Pseudonym admin) {
}
