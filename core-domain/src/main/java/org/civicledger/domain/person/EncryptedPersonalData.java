package org.civicledger.domain.person;

import java.util.Objects;

/**
 * Personal data sealed with the person's own key (AES-GCM): {@code ciphertext} is opaque text naming
 * the key version it needs, {@code digest} is the SHA-256 of the ciphertext, which is all a public
 * record ever shows of it. Erasing the person's key makes the ciphertext unreadable forever.
 */
public record EncryptedPersonalData(String ciphertext, String digest) {

    public EncryptedPersonalData {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(digest, "digest");
    }
}
