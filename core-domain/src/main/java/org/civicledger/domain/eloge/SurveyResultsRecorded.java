package org.civicledger.domain.eloge;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Results of the citizen survey of a year against a catalogue; a later one supersedes it, both stay in
 * history. Scores carry no evidence (a survey's evidence is the survey).
 */
@Revision("1")
public record SurveyResultsRecorded(String municipalityId, int year, String catalogue, int respondents,
        List<PrincipleScore> scores, String officerPseudonym) {
}
