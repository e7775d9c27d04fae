package org.civicledger.domain.bench;

import org.civicledger.domain.shared.InvalidField;

/** A smart bench by its id ({@code bench-mostar-1}); its stream is {@code bench-<id>}. */
public record BenchId(String value) {

    public BenchId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{2,63}")) {
            throw new InvalidField("benchId", "must be 3 to 64 lowercase letters, digits and hyphens");
        }
    }

    @Override
    public String toString() {
        return "bench-" + value;
    }
}
