package org.civicledger.domain.eloge;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The municipality's self-assessment of a year against a catalogue; a later one supersedes it, both stay in history. */
@Revision("1")
public record SelfAssessmentRecorded(String municipalityId, int year, String catalogue, List<PrincipleScore> scores,
        String officerPseudonym) {
}
