package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.civicledger.bench.mqtt.BenchEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bench in service that says nothing is recorded as silent once, from a persistent deadline; it is
 * recorded as back when it speaks again; and a deadline pending when the system stops fires after it
 * starts again.
 */
class BenchSilenceEndToEndTest {

    private static final String BENCH = "bench-tuzla-quiet";
    private static final String[] SETTINGS = {"--civic.bench.silent-after=PT6S",
        "--civic.deadlines.polling-interval=PT0.2S"};

    private static long events(RunningSystem system, String type) {
        return StoredEvents.of(system, "bench-" + BENCH, type);
    }

    private static long pendingDeadlines(RunningSystem system) {
        return new JdbcTemplate(system.bean(DataSource.class)).queryForObject(
                "select count(*) from scheduled_tasks", Long.class);
    }

    @Test
    void aQuietBenchIsSilentOnceAndBackWhenItSpeaksAcrossARestart() throws Exception {
        TestStores stores = TestStores.fresh();
        try (RunningSystem first = RunningSystem.start(stores, SETTINGS);
             SimulatedBench bench = new SimulatedBench(BENCH)) {
            Journeys.commission(first.api, bench, "zepce");

            await().atMost(Duration.ofSeconds(30)).until(() -> events(first, "BenchWentSilent") == 1);
            // silent: once the check that fired is done, none is pending, so nothing can record the same silence again
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeadlines(first) == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.api.get("/api/v1/benches/" + BENCH).status() == 200
                    && first.api.get("/api/v1/benches/" + BENCH).body().hasNonNull("silentSince"));

            bench.connect(first.bean(BenchEndpoint.class).port());
            assertThat(bench.publish("telemetry", bench.message(UUID.randomUUID().toString(), Map.of(
                    "batteryPercent", 64, "solarWatts", 20.5, "wifiClients", 2, "chargingSessions", 0,
                    "temperatureCelsius", 9.5)))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> events(first, "BenchCameBack") == 1);
            // heard again: one check is pending, due when the bench would be silent again
            assertThat(pendingDeadlines(first)).isEqualTo(1);
            assertThat(events(first, "BenchWentSilent")).isEqualTo(1);
        }

        try (RunningSystem second = RunningSystem.start(stores, SETTINGS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events(second, "BenchWentSilent") == 2);
            assertThat(events(second, "BenchCameBack")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeadlines(second) == 0);
            assertThat(events(second, "BenchWentSilent")).isEqualTo(2);
        }
    }
}
