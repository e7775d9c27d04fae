package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** A municipal officer answers a forwarded idea for their municipality. */
public record AnswerIdea(@TargetAggregateIdentifier IdeaId ideaId, MunicipalityId actingFor, AnswerDecision decision, Reason rationale, Department department, Pseudonym officer) {
}
