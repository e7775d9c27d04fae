package org.civicledger.domain.bench;

import org.axonframework.serialization.Revision;

/** A bench signs with a new key from now on; the earlier one is rotated out. */
@Revision("1")
public record BenchKeyRotated(String benchId, String publicKey, int keyVersion, String reason, String adminPseudonym) {
}
