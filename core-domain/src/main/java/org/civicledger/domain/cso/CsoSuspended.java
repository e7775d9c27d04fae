package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** A CSO's membership was paused; its members cannot validate until it is reinstated. Revision 2 seals {@code reason}. */
@Revision("2")
public record CsoSuspended(String csoId, SealedText reason, String coordinatorPseudonym) {
}
