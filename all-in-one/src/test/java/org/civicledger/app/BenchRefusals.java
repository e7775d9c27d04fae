package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The refusals of issue 16 §4, played the same way whichever way benches connect (the embedded endpoint,
 * or a broker): each refusal arrives on the bench's own rejections topic, the refused message leaves no
 * event, and the bench's connection stays up, its next valid message taken and stored.
 */
final class BenchRefusals {

    /** Connects a bench to wherever benches connect in the suite's mode. */
    @FunctionalInterface
    interface Connection {
        SimulatedBench connect(SimulatedBench bench) throws Exception;
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final RunningSystem system;
    private final Connection connection;

    BenchRefusals(RunningSystem system, Connection connection) {
        this.system = system;
        this.connection = connection;
    }

    private Api api() {
        return system.api;
    }

    /** A bench registered in {@code municipality} but not commissioned sends an idea and an opinion, then telemetry. */
    void aBenchNotYetCommissionedCarriesNoContributionsButReports(String benchId, String municipality) throws Exception {
        SimulatedBench created = new SimulatedBench(benchId);
        Journeys.register(api(), created, municipality);
        try (SimulatedBench bench = connection.connect(created)) {
            String consultation = Journeys.openConsultation(api(), municipality, "bs", "Treba li nova česma?",
                    Duration.ofDays(1), Map.of("da", "Da", "ne", "Ne"));
            String idea = UUID.randomUUID().toString();
            String opinion = UUID.randomUUID().toString();
            String ideaMessage = bench.message(idea, BenchMqttEndToEndTest.idea());

            assertThat(bench.publish("ideas", ideaMessage)).isTrue();
            assertThat(bench.publish("opinions", bench.message(opinion,
                    Map.of("consultationId", consultation, "optionId", "da")))).isTrue();
            refused(bench, idea, "NOT_COMMISSIONED");
            refused(bench, opinion, "NOT_COMMISSIONED");
            String report = UUID.randomUUID().toString();
            assertThat(bench.publish("status", bench.message(report, Map.of("state", "MAINTENANCE")))).isTrue();
            stored(bench, "bench-report-" + report);
            assertThat(StoredEvents.of(system, "idea-" + idea)).isZero();
            assertThat(StoredEvents.of(system, "bench-opinion-" + opinion)).isZero();

            Journeys.commission(api(), benchId);
            // in service now: the same idea is taken, once (the bridge learns of the commissioning within moments)
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(bench.publish("ideas", ideaMessage)).isTrue();
                return StoredEvents.of(system, "idea-" + idea) == 1;
            });
        }
    }

    /** A bench of {@code municipality} gives its opinion on a consultation of {@code other}, then on its own. */
    void aBenchGivesNoOpinionOnAnotherMunicipalitysConsultation(String benchId, String municipality, String other)
            throws Exception {
        try (SimulatedBench bench = commissioned(benchId, municipality)) {
            String theirs = Journeys.openConsultation(api(), other, "bs", "Gdje nova rasvjeta?", Duration.ofDays(1),
                    Map.of("most", "Na mostu", "trg", "Na trgu"));
            String ours = Journeys.openConsultation(api(), municipality, "bs", "Gdje nova klupa?", Duration.ofDays(1),
                    Map.of("park", "U parku", "skola", "Kod škole"));
            String refused = UUID.randomUUID().toString();

            assertThat(bench.publish("opinions", bench.message(refused, Map.of("consultationId", theirs, "optionId", "most"))))
                    .isTrue();
            refused(bench, refused, "NOT_ACCEPTED");
            assertThat(StoredEvents.of(system, "bench-opinion-" + refused)).isZero();

            String taken = UUID.randomUUID().toString();
            assertThat(bench.publish("opinions", bench.message(taken, Map.of("consultationId", ours, "optionId", "park"))))
                    .isTrue();
            stored(bench, "bench-opinion-" + taken);
            assertThat(StoredEvents.of(system, "bench-opinion-" + refused)).isZero();
        }
    }

    /** A commissioned bench sends an idea of about 30 KB (over 16 KiB, under the transport's limit), then a valid one. */
    void anOverSizeMessageIsAcknowledgedAndRefused(String benchId, String municipality) throws Exception {
        try (SimulatedBench bench = commissioned(benchId, municipality)) {
            Map<String, Object> wordy = new HashMap<>(BenchMqttEndToEndTest.idea());
            wordy.put("description", "Klupa u hladu lipe, kraj česme. ".repeat(700));
            String large = UUID.randomUUID().toString();
            String message = bench.message(large, wordy);
            assertThat(message.length()).isBetween(16 * 1024 + 1, 60 * 1024);

            assertThat(bench.publish("ideas", message)).as("acknowledged: sending it again cannot help").isTrue();
            refused(bench, large, "TOO_LARGE");
            assertThat(StoredEvents.of(system, "idea-" + large)).isZero();

            String next = UUID.randomUUID().toString();
            assertThat(bench.publish("ideas", bench.message(next, BenchMqttEndToEndTest.idea()))).isTrue();
            stored(bench, "idea-" + next);
        }
    }

    private SimulatedBench commissioned(String benchId, String municipality) throws Exception {
        SimulatedBench bench = new SimulatedBench(benchId);
        Journeys.commission(api(), bench, municipality);
        return connection.connect(bench);
    }

    /** The refusal arrives on the bench's own connection, which stays up. */
    static void refused(SimulatedBench bench, String messageId, String reason) {
        await().atMost(WAIT).until(() -> bench.rejections.stream()
                .anyMatch(r -> r.contains(messageId) && r.contains("\"" + reason + "\"")));
        assertThat(bench.connected()).as("the bench's connection stays up").isTrue();
    }

    /** The message's one event is stored, and the connection that brought it is still up. */
    private void stored(SimulatedBench bench, String stream) {
        await().atMost(WAIT).until(() -> StoredEvents.of(system, stream) == 1);
        assertThat(bench.connected()).isTrue();
    }
}
