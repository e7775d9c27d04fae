package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A bench reported its state: ONLINE, OFFLINE, TAMPER (an alarm) or MAINTENANCE. */
@Revision("1")
public record BenchStatusReported(String messageId, String benchId, Instant sentAt, String state) {
}
