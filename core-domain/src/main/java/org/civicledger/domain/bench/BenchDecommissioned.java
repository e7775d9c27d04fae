package org.civicledger.domain.bench;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** A bench left service for good; its messages are refused from now on. */
@Revision("2")
public record BenchDecommissioned(String benchId, SealedText reason, String adminPseudonym) {
}
