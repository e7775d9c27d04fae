package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.bench.mqtt.BenchEndpoint;
import org.civicledger.bench.simulator.BenchSimulator;
import org.junit.jupiter.api.Test;

/** The bench simulator against the running system: it registers its benches, and every message it sends is stored. */
class BenchSimulatorEndToEndTest extends SharedSystemTest {

    @Test
    void everySimulatedMessageIsAcknowledgedAndNoneIsRejected() throws Exception {
        BenchSimulator.Settings settings = new BenchSimulator.Settings("127.0.0.1", system.bean(BenchEndpoint.class).port(),
                api.base(), true, List.of("mostar", "prijedor"), 3, 3, 60, 0, 120, 30, "sim-test");
        List<String> progress = new ArrayList<>();

        BenchSimulator.Report report = new BenchSimulator(settings).run(progress::add);

        assertThat(report.sent()).isGreaterThan(5);
        assertThat(report.acknowledged()).isEqualTo(report.sent());
        assertThat(report.rejected()).isZero();
        assertThat(progress).anyMatch(line -> line.startsWith("Registered and commissioned 3 benches"));
        assertThat(progress.get(progress.size() - 1)).startsWith("Done: ").contains("sent=" + report.sent());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/dashboard").body().at("/ideas/byChannel/BENCH").asLong() > 0);
        assertThat(api.get("/api/v1/benches?municipalityId=prijedor").body().size()).isEqualTo(1);
    }
}
