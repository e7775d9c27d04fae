package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.person.Pseudonym;

/** A member of a CSO turns a validated idea into an action and forwards it to the municipality. */
public record ForwardAction(@TargetAggregateIdentifier IdeaId ideaId, CsoId csoId, ActionKind kind, Description description, Pseudonym member) {
}
