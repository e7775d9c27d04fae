package org.civicledger.domain.bench;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchWatchTest {

    static final String BENCH = "bench-mostar-1";
    static final Duration AFTER = Duration.ofMinutes(30);

    private SagaTestFixture<BenchWatch> fixture;
    private final Instant start = Instant.parse("2026-05-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BenchWatch.class);
        fixture.registerResource(new SilenceRule(AFTER));
        fixture.registerCommandGateway(CommandGateway.class);
    }

    private static BenchTelemetryRecorded telemetry() {
        return new BenchTelemetryRecorded(java.util.UUID.randomUUID().toString(), BENCH, Instant.EPOCH, 80, 12.5, 3, 1, 21.0);
    }

    @Test
    void aCommissionedBenchIsWatchedFromTheStart() throws Exception {
        fixture.givenCurrentTime(start)
                .whenAggregate(BENCH).publishes(new BenchCommissioned(BENCH, "admin"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(AFTER, BenchWatch.SILENCE_CHECK)
                .expectNoDispatchedCommands();
    }

    @Test
    void aBenchThatSaysNothingIsRecordedSilentOnceTheTimeIsUp() throws Exception {
        fixture.givenCurrentTime(start).andThenAggregate(BENCH).published(new BenchCommissioned(BENCH, "admin"))
                .whenTimeElapses(AFTER)
                .expectDispatchedCommands(new RecordBenchSilence(new BenchId(BENCH), start, AFTER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBenchHeardInTimeIsNotSilentAndIsCheckedAgainLater() throws Exception {
        fixture.givenCurrentTime(start).andThenAggregate(BENCH).published(new BenchCommissioned(BENCH, "admin"))
                .andThenTimeElapses(Duration.ofMinutes(20))
                .andThenAggregate(BENCH).published(telemetry())
                .whenTimeElapses(Duration.ofMinutes(10))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMinutes(20), BenchWatch.SILENCE_CHECK);
    }

    @Test
    void everyMessageDoesNotScheduleAnotherDeadline() throws Exception {
        fixture.givenCurrentTime(start).andThenAggregate(BENCH).published(new BenchCommissioned(BENCH, "admin"), telemetry(), telemetry())
                .whenAggregate(BENCH).publishes(telemetry())
                .expectScheduledDeadlineWithName(AFTER, BenchWatch.SILENCE_CHECK)
                .expectNoScheduledDeadlineWithName(start.plus(AFTER).plusSeconds(1), start.plus(AFTER.multipliedBy(10)),
                        BenchWatch.SILENCE_CHECK);
    }

    @Test
    void aSilentBenchThatSpeaksAgainIsRecordedBack() throws Exception {
        Instant back = start.plus(AFTER).plus(Duration.ofMinutes(5));
        fixture.givenCurrentTime(start).andThenAggregate(BENCH).published(new BenchCommissioned(BENCH, "admin"))
                .andThenTimeElapses(AFTER)
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenAggregate(BENCH).publishes(new BenchStatusReported("m-1", BENCH, back, "ONLINE"))
                .expectDispatchedCommands(new RecordBenchReturn(new BenchId(BENCH), back))
                .expectScheduledDeadlineWithName(AFTER, BenchWatch.SILENCE_CHECK);
    }

    @Test
    void aDecommissionedBenchIsNoLongerWatched() throws Exception {
        fixture.givenCurrentTime(start).andThenAggregate(BENCH).published(new BenchCommissioned(BENCH, "admin"))
                .whenAggregate(BENCH).publishes(new BenchDecommissioned(BENCH, org.civicledger.domain.shared.TestVault.text("worn out"), "admin"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anIdeaFromTheWebWakesNoWatch() throws Exception {
        fixture.givenCurrentTime(start).andThenAggregate(BENCH).published(new BenchCommissioned(BENCH, "admin"))
                .whenAggregate("idea-1").publishes(new org.civicledger.domain.idea.IdeaSubmitted("1", "mostar", null,
                        "parks", org.civicledger.domain.shared.TestVault.text("Klupa"),
                        org.civicledger.domain.shared.TestVault.text("Nova klupa"), "bs", org.civicledger.domain.idea.Channel.WEB,
                        "author", null, null))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(AFTER, BenchWatch.SILENCE_CHECK);
    }
}
