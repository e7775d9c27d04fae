package org.civicledger.domain.consultation;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** The municipality published its conclusion from a closed consultation. Revision 2 seals {@code conclusion}. */
@Revision("2")
public record ConsultationConcluded(String consultationId, SealedText conclusion, String officerPseudonym) {
}
