package org.civicledger.domain.cso;

/** The principles of the Online Protocol on Cooperation that every member CSO accepts. */
public enum ProtocolPrinciple {
    OPENNESS_AND_TRANSPARENCY, PARTICIPATION, PARTNERSHIP
}
