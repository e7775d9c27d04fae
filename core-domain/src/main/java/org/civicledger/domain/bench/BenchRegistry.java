package org.civicledger.domain.bench;

import java.util.Optional;

/** Looks up a bench's current standing (status, municipality, key). A port, answered from the event store. */
@FunctionalInterface
public interface BenchRegistry {

    Optional<BenchStanding> standingOf(BenchId benchId);
}
