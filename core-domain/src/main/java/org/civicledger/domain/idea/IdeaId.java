package org.civicledger.domain.idea;

import java.util.UUID;
import org.civicledger.domain.shared.InvalidField;

/** An idea is identified by a UUID; its aggregate identifier and stream name is {@code idea-<uuid>}. */
public record IdeaId(UUID value) {

    public static final String STREAM_PREFIX = "idea-";

    public IdeaId {
        if (value == null) {
            throw new InvalidField("ideaId", "is required");
        }
    }

    public static IdeaId random() {
        return new IdeaId(UUID.randomUUID());
    }

    /** Parses the public form, a UUID. */
    public static IdeaId parse(String text) {
        try {
            return new IdeaId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidField("ideaId", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return STREAM_PREFIX + value;
    }
}
