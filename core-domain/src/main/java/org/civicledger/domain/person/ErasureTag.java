package org.civicledger.domain.person;

import java.util.Objects;

/**
 * What ties the keys of a person's texts together until they are erased: derived from their
 * per-person secret, kept only in the key store (never in an event), and forgotten with that secret.
 * Erasing a person destroys every key that carries their tag; afterwards no one can tell which texts
 * were theirs.
 */
public record ErasureTag(String value) {

    public ErasureTag {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "erasure tag"; // never printed
    }
}
