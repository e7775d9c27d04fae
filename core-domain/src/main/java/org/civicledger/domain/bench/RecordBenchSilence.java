package org.civicledger.domain.bench;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bench watch found a bench that has said nothing since {@code lastHeardAt}, for longer than {@code after}. */
public record RecordBenchSilence(@TargetAggregateIdentifier BenchId benchId, Instant lastHeardAt, Duration after) {
}
