package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * The municipality answered the idea, with a rationale and the department responsible (a unit's name,
 * kept plain). Revision 2 seals {@code rationale}.
 */
@Revision("2")
public record IdeaAnswered(String ideaId, String municipalityId, AnswerDecision decision, SealedText rationale,
        String department, String officerPseudonym) {
}
