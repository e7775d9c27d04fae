package org.civicledger.domain.bench;

import org.axonframework.serialization.Revision;

/** A bench left service for good; its messages are refused from now on. */
@Revision("1")
public record BenchDecommissioned(String benchId, String reason, String adminPseudonym) {
}
