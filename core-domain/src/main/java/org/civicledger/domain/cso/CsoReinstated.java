package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** A suspended CSO is a member in good standing again. Revision 2 seals {@code reason}. */
@Revision("2")
public record CsoReinstated(String csoId, SealedText reason, String coordinatorPseudonym) {
}
