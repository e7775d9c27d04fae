package org.civicledger.domain.consultation;

import java.util.UUID;

/** An anonymous opinion is named by its bench message id, so a redelivered message is the same opinion: {@code bench-opinion-<messageId>}. */
public record BenchOpinionId(UUID messageId) {

    /** The start of every bench opinion's stream name. */
    public static final String PREFIX = "bench-opinion-";

    @Override
    public String toString() {
        return PREFIX + messageId;
    }
}
