package org.civicledger.domain.bench;

import org.axonframework.serialization.Revision;

/** A smart bench joined the network, with its first key (version 1). */
@Revision("1")
public record BenchRegistered(String benchId, String municipalityId, double lat, double lon, String publicKey,
        String adminPseudonym) {
}
