package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;

/** A CSO was refused membership. */
@Revision("1")
public record CsoRejected(String csoId, String reason, String coordinatorPseudonym) {
}
