package org.civicledger.domain.idea;

/** What a CSO turns a validated idea into. */
public enum ActionKind {
    COUNCIL_INITIATIVE, PUBLIC_CONSULTATION, PETITION, COMMUNITY_PROJECT
}
