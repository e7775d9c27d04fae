package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;

/** A CSO became a member of the network. */
@Revision("1")
public record CsoApproved(String csoId, String coordinatorPseudonym) {
}
