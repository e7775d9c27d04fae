package org.civicledger.domain.cso;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** The network coordinator refuses a pending CSO, with a reason. */
public record RejectCso(@TargetAggregateIdentifier CsoId csoId, Reason reason, Pseudonym coordinator) {
}
