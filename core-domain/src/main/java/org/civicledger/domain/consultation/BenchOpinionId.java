package org.civicledger.domain.consultation;

import java.util.UUID;

/** An anonymous opinion is named by its bench message id, so a redelivered message is the same opinion: {@code bench-opinion-<messageId>}. */
public record BenchOpinionId(UUID messageId) {

    @Override
    public String toString() {
        return "bench-opinion-" + messageId;
    }
}
