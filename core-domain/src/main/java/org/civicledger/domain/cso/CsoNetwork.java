package org.civicledger.domain.cso;

import java.util.Optional;

/** Looks up a CSO's current standing in the network. A port, answered from the event store. */
@FunctionalInterface
public interface CsoNetwork {

    Optional<CsoStanding> standingOf(CsoId csoId);
}
