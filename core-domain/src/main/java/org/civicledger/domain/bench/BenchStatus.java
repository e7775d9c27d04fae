package org.civicledger.domain.bench;

/** A bench's life in the network. */
public enum BenchStatus {
    /** Known, with its key; not yet in service: it may report telemetry and status, but takes no ideas or opinions. */
    REGISTERED,
    /** In service: all its messages are accepted, ideas and opinions included. */
    COMMISSIONED,
    /** Out of service for good: its messages are refused. */
    DECOMMISSIONED
}
