package org.civicledger.domain.bench;

import java.util.Base64;
import org.civicledger.domain.shared.InvalidField;

/** A bench's Ed25519 public key, raw 32 bytes in base64 (RFC 8037), as the contract takes it. */
public record BenchKey(String base64) {

    public BenchKey {
        byte[] raw;
        try {
            raw = base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("publicKey", "must be base64");
        }
        if (raw.length != 32) {
            throw new InvalidField("publicKey", "must be a raw Ed25519 public key of 32 bytes, was " + raw.length);
        }
        base64 = Base64.getEncoder().encodeToString(raw);
    }

    public byte[] raw() {
        return Base64.getDecoder().decode(base64);
    }
}
