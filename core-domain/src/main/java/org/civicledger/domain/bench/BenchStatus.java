package org.civicledger.domain.bench;

/** A bench's life in the network. */
public enum BenchStatus {
    /** Known, with its key; not yet in service. */
    REGISTERED,
    /** In service: its messages are accepted. */
    COMMISSIONED,
    /** Out of service for good: its messages are refused. */
    DECOMMISSIONED
}
