package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.idea.IdeaSubmitted;

/**
 * Watches one bench in service: whatever it sends (an idea, an opinion, telemetry, a status) counts as
 * heard, at the time its event was stored. One deadline at a time is pending, due when the bench would
 * have been silent for the {@link SilenceRule}; when it comes due and nothing was heard since, the bench
 * is recorded as silent; when the bench is heard again, as back. The deadline lives in a persistent
 * deadline manager, so a restart neither loses nor repeats it, and the {@link Bench} records each
 * silence and each return only once.
 */
public class BenchWatch {

    public static final String SILENCE_CHECK = "bench-silence-check";

    private String benchId;
    private Instant lastHeardAt;
    private Instant checkDueAt;
    private boolean silent;

    /** The pending check: due when the bench, unheard since, would have been silent long enough. */
    public record SilenceCheck(String benchId, Instant dueAt) {
    }

    public BenchWatch() {
        // for Axon, and for the saga store's serializer
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "benchId")
    void on(BenchCommissioned event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            SilenceRule rule) {
        benchId = event.benchId();
        heard(at, commands, deadlines, rule);
    }

    @SagaEventHandler(associationProperty = "benchId")
    void on(BenchTelemetryRecorded event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            SilenceRule rule) {
        heard(at, commands, deadlines, rule);
    }

    @SagaEventHandler(associationProperty = "benchId")
    void on(BenchStatusReported event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            SilenceRule rule) {
        heard(at, commands, deadlines, rule);
    }

    @SagaEventHandler(associationProperty = "benchId")
    void on(BenchOpinionGiven event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            SilenceRule rule) {
        heard(at, commands, deadlines, rule);
    }

    @SagaEventHandler(associationProperty = "benchId")
    void on(IdeaSubmitted event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            SilenceRule rule) {
        heard(at, commands, deadlines, rule);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "benchId")
    void on(BenchDecommissioned event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(SILENCE_CHECK);
    }

    private void heard(Instant at, CommandGateway commands, DeadlineManager deadlines, SilenceRule rule) {
        if (lastHeardAt == null || at.isAfter(lastHeardAt)) {
            lastHeardAt = at;
        }
        if (silent) {
            silent = false;
            commands.sendAndWait(new RecordBenchReturn(new BenchId(benchId), at));
        }
        if (checkDueAt == null) {
            schedule(deadlines, lastHeardAt.plus(rule.after()));
        }
    }

    @DeadlineHandler(deadlineName = SILENCE_CHECK)
    void silenceCheck(SilenceCheck check, CommandGateway commands, DeadlineManager deadlines, SilenceRule rule) {
        checkDueAt = null;
        Instant due = lastHeardAt.plus(rule.after());
        if (due.isAfter(check.dueAt())) {
            schedule(deadlines, due); // heard since this check was set: look again when the new silence would be due
            return;
        }
        silent = true;
        commands.sendAndWait(new RecordBenchSilence(new BenchId(benchId), lastHeardAt, rule.after()));
    }

    private void schedule(DeadlineManager deadlines, Instant due) {
        checkDueAt = due;
        deadlines.schedule(due, SILENCE_CHECK, new SilenceCheck(benchId, due));
    }
}
