package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** The municipality answered the idea, with a rationale and the department responsible. */
@Revision("1")
public record IdeaAnswered(String ideaId, String municipalityId, AnswerDecision decision, String rationale, String department, String officerPseudonym) {
}
