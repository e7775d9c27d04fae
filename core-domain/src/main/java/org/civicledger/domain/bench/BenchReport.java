package org.civicledger.domain.bench;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.InvalidField;

/**
 * One telemetry or status message of a bench. Its stream is named by the message id, so the same
 * message delivered again cannot make a second event: its stream already exists, which the event store
 * refuses (as for ideas). Nothing is read to record a report — one insert.
 */
public class BenchReport {

    private static final Set<String> STATES = Set.of("ONLINE", "OFFLINE", "TAMPER", "MAINTENANCE");

    @AggregateIdentifier
    private String id;

    protected BenchReport() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RecordBenchTelemetry command) {
        apply(new BenchTelemetryRecorded(command.reportId().messageId().toString(), command.benchId().value(),
                command.sentAt(), command.batteryPercent(), command.solarWatts(), command.wifiClients(),
                command.chargingSessions(), command.temperatureCelsius()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RecordBenchStatus command) {
        if (!STATES.contains(command.state())) {
            throw new InvalidField("state", "must be one of " + STATES);
        }
        apply(new BenchStatusReported(command.reportId().messageId().toString(), command.benchId().value(),
                command.sentAt(), command.state()));
    }

    @EventSourcingHandler
    void on(BenchTelemetryRecorded event) {
        id = "bench-report-" + event.messageId();
    }

    @EventSourcingHandler
    void on(BenchStatusReported event) {
        id = "bench-report-" + event.messageId();
    }
}
