package org.civicledger.domain.consultation;

import org.axonframework.serialization.Revision;

/** The municipality published its conclusion from a closed consultation. */
@Revision("1")
public record ConsultationConcluded(String consultationId, String conclusion, String officerPseudonym) {
}
