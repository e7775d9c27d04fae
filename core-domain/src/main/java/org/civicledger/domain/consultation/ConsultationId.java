package org.civicledger.domain.consultation;

import java.util.UUID;
import org.civicledger.domain.shared.InvalidField;

/** A consultation by UUID; its stream is {@code consultation-<uuid>}. */
public record ConsultationId(UUID value) {

    public ConsultationId {
        if (value == null) {
            throw new InvalidField("consultationId", "is required");
        }
    }

    public static ConsultationId parse(String text) {
        try {
            return new ConsultationId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidField("consultationId", "must be a UUID");
        }
    }

    /** The start of every consultation's stream name (and of its answers', {@code consultation-answer-…}). */
    public static final String PREFIX = "consultation-";

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
