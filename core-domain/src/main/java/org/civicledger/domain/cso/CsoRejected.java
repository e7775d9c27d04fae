package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** A CSO was refused membership. Revision 2 seals {@code reason}. */
@Revision("2")
public record CsoRejected(String csoId, SealedText reason, String coordinatorPseudonym) {
}
