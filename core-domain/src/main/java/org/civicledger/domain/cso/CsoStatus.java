package org.civicledger.domain.cso;

/** A CSO's standing in the network. */
public enum CsoStatus {
    /** Registered, waiting for the network coordinator. */
    PENDING,
    /** A member of the network: its members may validate ideas where it is active. */
    APPROVED,
    /** Refused by the network coordinator, with a reason. */
    REJECTED,
    /** Membership paused by the network coordinator, with a reason. */
    SUSPENDED
}
