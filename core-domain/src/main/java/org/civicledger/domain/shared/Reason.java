package org.civicledger.domain.shared;

/** A written reason, rationale or note: required where a decision must be explained. */
public record Reason(String text) {

    public static final int MAX_LENGTH = 2_000;

    public Reason(String field, String text) {
        this(Text.require(field, text, 3, MAX_LENGTH, true));
    }

    public Reason {
        text = Text.require("reason", text, 3, MAX_LENGTH, true);
    }
}
