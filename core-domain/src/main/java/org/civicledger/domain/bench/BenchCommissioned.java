package org.civicledger.domain.bench;

import org.axonframework.serialization.Revision;

/** A bench went into service. */
@Revision("1")
public record BenchCommissioned(String benchId, String adminPseudonym) {
}
