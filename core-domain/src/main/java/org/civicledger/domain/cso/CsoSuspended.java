package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;

/** A CSO's membership was paused; its members cannot validate until it is reinstated. */
@Revision("1")
public record CsoSuspended(String csoId, String reason, String coordinatorPseudonym) {
}
