package org.civicledger.domain.consultation;

import org.axonframework.serialization.Revision;

/** A consultation stopped taking answers before its window ended. */
@Revision("1")
public record ConsultationClosed(String consultationId, String officerPseudonym) {
}
