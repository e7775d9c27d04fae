package org.civicledger.domain.bench;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** A bench signs with a new key from now on; the earlier one is rotated out. */
@Revision("2")
public record BenchKeyRotated(String benchId, String publicKey, int keyVersion, SealedText reason, String adminPseudonym) {
}
