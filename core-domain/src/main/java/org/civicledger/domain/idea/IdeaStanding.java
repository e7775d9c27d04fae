package org.civicledger.domain.idea;

/** An idea's municipality, status and whether moderation hid it: what other rules need to know of it. */
public record IdeaStanding(String municipalityId, IdeaStatus status, boolean hidden) {

    public boolean openForSupport() {
        return !hidden && status.openForSupport();
    }

    /** The state to name in a conflict. */
    public String describe() {
        return hidden ? "HIDDEN" : status.name();
    }
}
