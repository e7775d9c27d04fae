package org.civicledger.domain.cso;

import org.axonframework.serialization.Revision;

/** A registration number was taken by a CSO; no other CSO can register with it. */
@Revision("1")
public record CsoRegistrationNumberClaimed(String canonicalNumber, String csoId) {
}
