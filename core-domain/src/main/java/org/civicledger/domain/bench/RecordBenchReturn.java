package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bench watch heard a silent bench again, at {@code heardAt}. */
public record RecordBenchReturn(@TargetAggregateIdentifier BenchId benchId, Instant heardAt) {
}
