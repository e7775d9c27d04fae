package org.civicledger.domain.eloge;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * The municipality's self-assessment of a year against a catalogue; a later one supersedes it, both stay
 * in history. Revision 2 seals each score's evidence.
 */
@Revision("2")
public record SelfAssessmentRecorded(String municipalityId, int year, String catalogue, List<Score> scores,
        String officerPseudonym) {

    /** A principle's score, 0 to 100, and the evidence it rests on. */
    public record Score(int principle, int score, SealedText evidence) {
    }
}
