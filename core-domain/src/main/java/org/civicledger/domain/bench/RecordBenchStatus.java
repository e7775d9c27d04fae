package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bridge records a bench's status message. */
public record RecordBenchStatus(@TargetAggregateIdentifier ReportId reportId, BenchId benchId, Instant sentAt, String state) {
}
