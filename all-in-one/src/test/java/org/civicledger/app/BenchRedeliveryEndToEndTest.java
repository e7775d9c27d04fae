package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.civicledger.bench.mqtt.BenchEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The bridge stores a bench's idea and dies before its PUBACK: the bench sends the message again —
 * on a new connection, and after a restart of the whole system — and it stays one event.
 */
class BenchRedeliveryEndToEndTest {

    private static final String BENCH = "bench-maglaj-crash";

    private static long ideaEvents(RunningSystem system, String messageId) {
        return StoredEvents.of(system, "idea-" + messageId);
    }

    private static double duplicates(RunningSystem system) {
        var metric = system.api.get("/actuator/metrics/civic.bench.messages?tag=outcome:duplicate",
                system.api.token("admin", "ADMIN"));
        return metric.status() == 404 ? 0 : metric.body().at("/measurements/0/value").asDouble();
    }

    @Test
    void aMessageStoredButNotAcknowledgedIsAbsorbedWhenItComesAgain() throws Exception {
        TestStores stores = TestStores.fresh();
        String afterRestart = UUID.randomUUID().toString();
        String jwsAfterRestart;
        try (SimulatedBench bench = new SimulatedBench(BENCH)) {
            try (RunningSystem first = RunningSystem.start(stores)) {
                Journeys.commission(first.api, bench, "maglaj");
                int port = first.bean(BenchEndpoint.class).port();

                // a crash between storing and acknowledging, then the bench's next connection
                String messageId = UUID.randomUUID().toString();
                String jws = bench.message(messageId, BenchMqttEndToEndTest.idea());
                CrashBeforeAcknowledgement.once(messageId);
                bench.connect(port);
                assertThat(bench.publish("ideas", jws)).as("acknowledged despite the crash").isFalse();
                assertThat(ideaEvents(first, messageId)).isEqualTo(1);
                bench.connect(port);
                assertThat(bench.publishAgain("ideas", jws)).isTrue();
                assertThat(ideaEvents(first, messageId)).isEqualTo(1);
                assertThat(duplicates(first)).isEqualTo(1.0);

                // the same crash, and then the whole system stops before the bench comes back
                jwsAfterRestart = bench.message(afterRestart, BenchMqttEndToEndTest.idea());
                CrashBeforeAcknowledgement.once(afterRestart);
                bench.connect(port);
                assertThat(bench.publish("ideas", jwsAfterRestart)).isFalse();
                assertThat(ideaEvents(first, afterRestart)).isEqualTo(1);
            }
            try (RunningSystem second = RunningSystem.start(stores)) {
                bench.connect(second.bean(BenchEndpoint.class).port());
                assertThat(bench.publishAgain("ideas", jwsAfterRestart)).isTrue();
                assertThat(ideaEvents(second, afterRestart)).isEqualTo(1);
                assertThat(duplicates(second)).isEqualTo(1.0);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> second.api.get("/api/v1/ideas/" + afterRestart).status() == 200);
            }
        }
    }
}
