package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** A member of a CSO endorses an idea, asks for changes, or rejects it, always with a reason. */
public record ValidateIdea(@TargetAggregateIdentifier IdeaId ideaId, CsoId csoId, ValidationDecision decision, Reason reason, Pseudonym validator) {
}
