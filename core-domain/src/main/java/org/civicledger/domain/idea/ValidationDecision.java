package org.civicledger.domain.idea;

/** What a CSO says of an idea. */
public enum ValidationDecision {
    ENDORSE, REQUEST_CHANGES, REJECT
}
