package org.civicledger.bench.message;

import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.civicledger.bench.message.Rejection.Refused;
import org.civicledger.domain.shared.IdempotentWrites;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.RecordBenchStatus;
import org.civicledger.domain.bench.RecordBenchTelemetry;
import org.civicledger.domain.bench.ReportId;
import org.civicledger.domain.consultation.BenchOpinionId;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.consultation.GiveBenchOpinion;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.Description;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.Language;
import org.civicledger.domain.idea.LocalCommunity;
import org.civicledger.domain.idea.SubmitIdea;
import org.civicledger.domain.idea.Title;
import org.civicledger.domain.idea.Topic;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one MQTT message of a bench into exactly one command, whatever transport brought it. Every
 * command is keyed by the message id (the idea id, the opinion id, the report id), so a message
 * delivered twice finds its event already stored and is acknowledged without a second one.
 */
public class BenchMessageHandling {

    private static final Logger log = LoggerFactory.getLogger(BenchMessageHandling.class);

    private final BenchMessageReader reader;
    private final CommandGateway commands;
    private final Clock clock;
    private final BenchRateLimit rateLimit;
    private final MeterRegistry meters;

    public BenchMessageHandling(BenchMessageReader reader, CommandGateway commands, Clock clock, BenchRateLimit rateLimit,
                                MeterRegistry meters) {
        this.reader = reader;
        this.commands = commands;
        this.clock = clock;
        this.rateLimit = rateLimit;
        this.meters = meters;
    }

    /** Handles one message and counts its outcome: {@code civic.bench.messages{outcome, reason}}. */
    public Outcome handle(String topic, byte[] payload) {
        meters.counter("civic.bench.messages", "outcome", "received", "reason", "none").increment();
        Outcome outcome = process(topic, payload);
        meters.counter("civic.bench.messages", "outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT),
                "reason", outcome.reason() == null ? "none" : outcome.reason().name()).increment();
        return outcome;
    }

    private Outcome process(String topic, byte[] payload) {
        BenchMessage message;
        try {
            message = reader.read(topic, payload);
        } catch (Refused refused) {
            return Outcome.rejected(refused.reason(), refused.messageId(), benchOf(topic), refused.getMessage());
        } catch (RuntimeException unreadable) {
            // the registry could not be asked (store unreachable): let the bench send it again
            log.warn("A bench message could not be checked now: {}", unreadable.getMessage());
            return Outcome.failed(null, benchOf(topic), unreadable.getMessage());
        }
        if (!rateLimit.take(message.benchId())) {
            return Outcome.rejected(Rejection.RATE_LIMITED, message.messageId().toString(), message.benchId(),
                    "the bench sends more than its allowance per minute");
        }
        try {
            Object recorded = commands.sendAndWait(IdempotentWrites.keyed(command(message),
                    "bench-message:" + message.messageId()));
            // an opinion answers false for a message it recorded before; ideas and reports refuse a second stream
            return Boolean.FALSE.equals(recorded) ? Outcome.duplicate(message) : Outcome.stored(message);
        } catch (RuntimeException e) {
            return outcomeOf(message, e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e, e);
        }
    }

    /** What a refused command means for the bench: thrown directly, or as the cause Axon wrapped it in. */
    private Outcome outcomeOf(BenchMessage message, Throwable cause, RuntimeException thrown) {
        if (cause instanceof InvalidField field) {
            return Outcome.rejected(Rejection.INVALID_FIELDS, message.messageId().toString(), message.benchId(),
                    field.field() + " " + field.getMessage());
        }
        if (cause instanceof StateConflict || cause instanceof NotPermitted || cause instanceof AggregateNotFoundException) {
            return Outcome.rejected(Rejection.NOT_ACCEPTED, message.messageId().toString(), message.benchId(),
                    cause.getMessage());
        }
        if (cause instanceof AggregateStreamCreationException) {
            return Outcome.duplicate(message); // the same message was stored before
        }
        log.warn("Bench message {} of {} was not stored now, the bench will send it again: {}", message.messageId(),
                message.benchId(), thrown.getMessage());
        return Outcome.failed(message.messageId().toString(), message.benchId(), thrown.getMessage());
    }

    private Object command(BenchMessage message) {
        if (message instanceof BenchMessage.Idea idea) {
            return new SubmitIdea(new IdeaId(idea.messageId()),
                    new MunicipalityId(idea.municipalityId()), LocalCommunity.optional(idea.localCommunity()),
                    new Topic(idea.topic()), new Title(idea.title()), new Description(idea.description()),
                    Language.ofTag(idea.language()), Channel.BENCH, Pseudonym.ofBench(idea.benchId()), idea.benchId());
        }
        if (message instanceof BenchMessage.Opinion opinion) {
            return new GiveBenchOpinion(new BenchOpinionId(opinion.messageId()),
                    new ConsultationId(opinion.consultationId()), opinion.optionId(), opinion.benchId(),
                    new MunicipalityId(opinion.municipalityId()), clock.instant());
        }
        if (message instanceof BenchMessage.Telemetry t) {
            return new RecordBenchTelemetry(new ReportId(t.messageId()), new BenchId(t.benchId()), t.sentAt(),
                    t.batteryPercent(), t.solarWatts(), t.wifiClients(), t.chargingSessions(), t.temperatureCelsius());
        }
        BenchMessage.Status s = (BenchMessage.Status) message;
        return new RecordBenchStatus(new ReportId(s.messageId()), new BenchId(s.benchId()), s.sentAt(), s.state());
    }

    private static String benchOf(String topic) {
        String[] parts = topic == null ? new String[0] : topic.split("/");
        return parts.length >= 2 ? parts[1] : null;
    }
}
