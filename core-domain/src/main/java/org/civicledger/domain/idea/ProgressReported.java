package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** Implementation progress of an accepted idea, 0 to 100; a decrease always carries a note saying why. */
@Revision("1")
public record ProgressReported(String ideaId, int percent, String note, String officerPseudonym) {
}
