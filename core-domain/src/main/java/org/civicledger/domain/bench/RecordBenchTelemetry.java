package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bridge records a bench's telemetry message. */
public record RecordBenchTelemetry(@TargetAggregateIdentifier ReportId reportId, BenchId benchId, Instant sentAt,
        double batteryPercent, double solarWatts, int wifiClients, int chargingSessions, double temperatureCelsius) {
}
