package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;

/** A suspended CSO is a member in good standing again. */
@Revision("1")
public record CsoReinstated(String csoId, String reason, String coordinatorPseudonym) {
}
