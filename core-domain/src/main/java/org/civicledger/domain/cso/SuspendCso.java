package org.civicledger.domain.cso;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** The network coordinator pauses an approved CSO, with a reason. */
public record SuspendCso(@TargetAggregateIdentifier CsoId csoId, Reason reason, Pseudonym coordinator) {
}
