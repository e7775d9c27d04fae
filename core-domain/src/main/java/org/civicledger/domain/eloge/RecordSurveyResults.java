package org.civicledger.domain.eloge;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A municipal officer records the results of the ELoGE citizen survey of a year: a score per principle and how many answered. */
public record RecordSurveyResults(@TargetAggregateIdentifier AssessmentId assessmentId, MunicipalityId actingFor,
        String catalogue, int respondents, List<PrincipleScore> scores, Pseudonym officer) {
}
