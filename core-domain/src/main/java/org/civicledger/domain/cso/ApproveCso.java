package org.civicledger.domain.cso;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;

/** The network coordinator admits a pending CSO to the network. */
public record ApproveCso(@TargetAggregateIdentifier CsoId csoId, Pseudonym coordinator) {
}
