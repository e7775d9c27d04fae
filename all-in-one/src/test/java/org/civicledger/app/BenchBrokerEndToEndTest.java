package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicledger.bench.mqtt.BenchBrokerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broker mode: benches publish to an MQTT broker (an embedded HiveMQ CE, or this machine's Mosquitto in
 * the machine-services profile) and the bridge subscribes there with a persistent session and a shared
 * subscription. Each acknowledged message is one event; a crash before acknowledging is absorbed when
 * the broker delivers again; two bridge instances split the messages between them, each message
 * going to one of them. The bench refusals hold here as on the endpoint: an over-size message in
 * particular is read and refused by the bridge instead of breaking its connection to the broker (which
 * would deliver it again, forever).
 */
class BenchBrokerEndToEndTest {

    /** Names unique to this run: a shared broker outlives runs, with their sessions and retained messages. */
    private static final String RUN = Long.toHexString(System.nanoTime() & 0xffffffL);
    private static final String GROUP = "civic-" + RUN;
    private static final List<String> CLIENTS = List.of("bridge-a-" + RUN, "bridge-b-" + RUN);
    private static final List<String> BENCHES = new ArrayList<>();

    private static TestBroker broker;
    private static TestStores stores;
    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        stores = TestStores.fresh();
        system = RunningSystem.start(stores, broker.bridgeSettings(CLIENTS.get(0), GROUP));
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (broker != null) {
            broker.forget(CLIENTS, BENCHES.stream().map(b -> "benches/" + b + "/consultations").toList());
            broker.close();
        }
    }

    private static SimulatedBench commissioned(String name) throws Exception {
        String benchId = "bench-" + name + "-" + RUN;
        BENCHES.add(benchId);
        SimulatedBench bench = new SimulatedBench(benchId);
        Journeys.commission(system.api, bench, "zavidovici");
        return bench.connect(broker.port);
    }

    private static long events(RunningSystem on, String aggregate) {
        return StoredEvents.of(on, aggregate);
    }

    private static double counted(RunningSystem on, String outcome) {
        var metric = on.api.get("/actuator/metrics/civic.bench.messages?tag=outcome:" + outcome,
                on.api.token("admin", "ADMIN"));
        return metric.status() == 404 ? 0 : metric.body().at("/measurements/0/value").asDouble();
    }

    @Test
    void ideasArriveOnceThroughTheBrokerAndForgeriesAreRejectedThere() throws Exception {
        try (SimulatedBench bench = commissioned("idea")) {
            String messageId = UUID.randomUUID().toString();
            String jws = bench.message(messageId, BenchMqttEndToEndTest.idea());
            assertThat(bench.publish("ideas", jws)).isTrue();
            assertThat(bench.publish("ideas", jws)).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> events(system, "idea-" + messageId) == 1);

            String forged = UUID.randomUUID().toString();
            assertThat(bench.publish("ideas", bench.forged(forged, BenchMqttEndToEndTest.idea()))).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> bench.rejections.stream()
                    .anyMatch(r -> r.contains(forged) && r.contains("BAD_SIGNATURE")));
            await().atMost(Duration.ofSeconds(15)).until(() -> counted(system, "duplicate") >= 1);
            assertThat(events(system, "idea-" + messageId)).isEqualTo(1);
            assertThat(events(system, "idea-" + forged)).isZero();
        }
    }

    @Test
    void openConsultationsAreRetainedForTheBenchesOfTheMunicipality() throws Exception {
        try (SimulatedBench bench = commissioned("consult")) {
            String consultation = Journeys.openConsultation(system.api, "zavidovici", "bs", "Gdje postaviti novu klupu?",
                    Duration.ofDays(3), Map.of("park", "U parku", "trg", "Na trgu"));
            bench.followConsultations();
            await().atMost(Duration.ofSeconds(15)).until(() -> bench.consultations.stream()
                    .anyMatch(c -> c.getKey().contains(consultation)));
        }
    }

    @Test
    void aMessageStoredButNotAcknowledgedIsDeliveredAgainByTheBrokerAndAbsorbed() throws Exception {
        try (SimulatedBench bench = commissioned("crash")) {
            double duplicatesBefore = counted(system, "duplicate");
            String messageId = UUID.randomUUID().toString();
            CrashBeforeAcknowledgement.once(messageId);
            assertThat(bench.publish("status", bench.message(messageId, Map.of("state", "TAMPER")))).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> counted(system, "duplicate") > duplicatesBefore);
            assertThat(events(system, "bench-report-" + messageId)).isEqualTo(1);
            system.bean(BenchBrokerClient.class).subscribed().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void twoBridgeInstancesSplitTheMessagesAndStoreEachOnce() throws Exception {
        List<SimulatedBench> benches = new ArrayList<>();
        try (RunningSystem second = RunningSystem.start(stores,
                system.sharedEventStore(broker.bridgeSettings(CLIENTS.get(1), GROUP)))) {
            for (int b = 0; b < 5; b++) {
                benches.add(commissioned("shared" + b));
            }
            double firstBefore = counted(system, "stored");
            List<String> ids = new ArrayList<>();
            for (SimulatedBench bench : benches) {
                List<String> messages = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String messageId = UUID.randomUUID().toString();
                    ids.add(messageId);
                    messages.add(bench.message(messageId, Map.of("batteryPercent", 50 + i % 40, "solarWatts", 10.0,
                            "wifiClients", i % 5, "chargingSessions", 0, "temperatureCelsius", 12.0)));
                }
                assertThat(bench.publishAll("telemetry", messages)).isTrue();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> events(system, "bench-report-" + id) == 1));
            double byFirst = counted(system, "stored") - firstBefore;
            double bySecond = counted(second, "stored");
            assertThat(byFirst + bySecond).as("each message handled by exactly one instance").isEqualTo(ids.size());
            if (broker.alternates()) { // Mosquitto deals shared messages in turn; HiveMQ fills a ready subscriber first
                assertThat(byFirst).isPositive();
                assertThat(bySecond).isPositive();
            }
        } finally {
            benches.forEach(SimulatedBench::close);
            // the second instance's session would stay in the share group and be dealt its share of every later
            // message (Mosquitto keeps a disconnected member's share): end it, as a retired instance must be
            broker.forget(List.of(CLIENTS.get(1)), List.of());
        }
    }

    private static BenchRefusals refusals() {
        return new BenchRefusals(system, bench -> {
            BENCHES.add(bench.benchId);
            return bench.connect(broker.port);
        });
    }

    @Test
    void aBenchNotYetCommissionedCarriesNoIdeasOrOpinionsThroughTheBroker() throws Exception {
        refusals().aBenchNotYetCommissionedCarriesNoContributionsButReports("bench-new-" + RUN, "nevesinje");
    }

    @Test
    void aBenchGivesNoOpinionOnAnotherMunicipalitysConsultationThroughTheBroker() throws Exception {
        refusals().aBenchGivesNoOpinionOnAnotherMunicipalitysConsultation("bench-away-" + RUN, "nevesinje", "trebinje");
    }

    @Test
    void anOverSizeMessageIsRefusedThroughTheBrokerAndTheBridgeReadsOn() throws Exception {
        refusals().anOverSizeMessageIsAcknowledgedAndRefused("bench-large-" + RUN, "nevesinje");
    }
}
