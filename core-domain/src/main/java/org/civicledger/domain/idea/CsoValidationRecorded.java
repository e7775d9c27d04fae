package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** A CSO gave its view of an idea; it supersedes that CSO's earlier view (which stays in history). */
@Revision("1")
public record CsoValidationRecorded(String ideaId, String csoId, ValidationDecision decision, String reason, int ideaVersion, String validatorPseudonym) {
}
