package org.civicledger.domain.idea;

import java.time.Instant;

/**
 * An idea's municipality, status, whether moderation hid it, and when it was submitted: what other
 * rules need to know of it.
 */
public record IdeaStanding(String municipalityId, IdeaStatus status, boolean hidden, Instant submittedAt) {

    public boolean openForSupport() {
        return !hidden && status.openForSupport();
    }

    /** The state to name in a conflict. */
    public String describe() {
        return hidden ? "HIDDEN" : status.name();
    }
}
