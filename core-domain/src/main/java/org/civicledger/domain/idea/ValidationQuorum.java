package org.civicledger.domain.idea;

/** How many CSOs must endorse an idea (their current view) before it counts as validated. */
public record ValidationQuorum(int endorsements) {

    public ValidationQuorum {
        if (endorsements < 1) {
            throw new IllegalArgumentException("The validation quorum must be at least 1, was " + endorsements);
        }
    }
}
