package org.civicledger.domain.idea;

/** Where an idea stands in its life. Later steps of the lifecycle add their states here. */
public enum IdeaStatus {
    /** Left by a citizen and open for support. */
    SUBMITTED
}
