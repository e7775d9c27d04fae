package org.civicledger.domain.person;

/** Who asked for a person's data to be erased. */
public enum ErasureRequester {
    /** The person themselves. */
    SELF,
    /** An administrator, e.g. on a written request. */
    ADMIN
}
