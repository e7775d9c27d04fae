package org.civicledger.domain.idea;

import java.util.EnumSet;
import java.util.Set;

/** Where an idea stands in its life (brief, "The life of a citizen idea"). */
public enum IdeaStatus {
    /** Left by a citizen; open for support and for validation by CSOs. */
    SUBMITTED,
    /** A CSO asked for changes; the author may amend it. */
    CHANGES_REQUESTED,
    /** Enough CSOs endorsed it (the quorum). */
    VALIDATED,
    /** A CSO turned it into an action and forwarded it to the municipality. */
    FORWARDED,
    /** The municipality accepted it. */
    ACCEPTED,
    /** The municipality accepted part of it. */
    PARTIALLY_ACCEPTED,
    /** The municipality rejected it. */
    REJECTED,
    /** The municipality needs more information before it answers. */
    NEEDS_INFORMATION,
    /** Implementation reported as complete. */
    COMPLETED;

    private static final Set<IdeaStatus> OPEN_FOR_SUPPORT =
            EnumSet.of(SUBMITTED, CHANGES_REQUESTED, VALIDATED, FORWARDED, NEEDS_INFORMATION);

    /** Citizens may vote until the municipality gives a final answer. */
    public boolean openForSupport() {
        return OPEN_FOR_SUPPORT.contains(this);
    }
}
