package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A CSO gave its view of an idea; it supersedes that CSO's earlier view (which stays in history).
 * Revision 2 seals {@code reason}.
 */
@Revision("2")
public record CsoValidationRecorded(String ideaId, String csoId, ValidationDecision decision, SealedText reason,
        int ideaVersion, String validatorPseudonym) {
}
