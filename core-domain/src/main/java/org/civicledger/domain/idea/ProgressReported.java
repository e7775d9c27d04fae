package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * Implementation progress of an accepted idea, 0 to 100; a decrease always carries a note saying why.
 * Revision 2 seals {@code note} (null when there is none).
 */
@Revision("2")
public record ProgressReported(String ideaId, int percent, SealedText note, String officerPseudonym) {
}
