package org.civicledger.domain.eloge;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A municipal officer records the municipality's ELoGE self-assessment of a year: a score with evidence per principle. */
public record RecordSelfAssessment(@TargetAggregateIdentifier AssessmentId assessmentId, MunicipalityId actingFor,
        String catalogue, List<PrincipleScore> scores, Pseudonym officer) {
}
