package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicledger.bench.mqtt.BenchEndpoint;
import org.civicledger.bench.mqtt.BenchTransport;
import org.junit.jupiter.api.Test;

/**
 * Benches over real MQTT to the embedded endpoint: a signed message is acknowledged once its event is
 * stored; the same message again makes no second event; a forged one makes none and is rejected on
 * the bench's rejection topic, as are a bench's contributions before it is commissioned, its opinions on
 * another municipality's consultations and an over-size message, each on a connection that stays up
 * (MQTT 3.1.1, and MQTT 5 for the over-size message).
 */
class BenchMqttEndToEndTest extends SharedSystemTest {

    private static long events(String payloadType, String aggregate) {
        return StoredEvents.of(system, aggregate, payloadType.substring(payloadType.lastIndexOf('.') + 1));
    }

    private static SimulatedBench commissioned(String benchId, String municipality) throws Exception {
        SimulatedBench bench = new SimulatedBench(benchId);
        Journeys.commission(api, bench, municipality);
        return bench.connect(system.bean(BenchEndpoint.class).port());
    }

    private static BenchRefusals refusals() {
        return new BenchRefusals(system, bench -> bench.connect(system.bean(BenchEndpoint.class).port()));
    }

    static Map<String, Object> idea() {
        return Map.of("topic", "parks", "title", "Klupa ispod lipe", "description", "Postavite klupu u hlad.",
                "language", "bs", "localCommunity", "Centar");
    }

    @Test
    void anIdeaLeftOnABenchIsStoredOnceHoweverOftenItArrives() throws Exception {
        try (SimulatedBench bench = commissioned("bench-maglaj-1", "maglaj")) {
            String messageId = UUID.randomUUID().toString();
            String jws = bench.message(messageId, idea());

            assertThat(bench.publish("ideas", jws)).isTrue();
            // acknowledged means stored: the event is there the moment the PUBACK arrives
            assertThat(events("idea.IdeaSubmitted", "idea-" + messageId)).isEqualTo(1);
            assertThat(bench.publish("ideas", jws)).isTrue();
            assertThat(bench.publish("ideas", jws)).isTrue();
            assertThat(events("idea.IdeaSubmitted", "idea-" + messageId)).isEqualTo(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/ideas/" + messageId).status() == 200);
            assertThat(api.get("/api/v1/ideas/" + messageId).json("channel").asString()).isEqualTo("BENCH");
            assertThat(api.get("/api/v1/municipalities/maglaj/dashboard").body().at("/ideas/byChannel").has("BENCH"))
                    .isTrue();
            assertThat(bench.rejections).isEmpty();
        }
    }

    @Test
    void aForgedMessageMakesNoEventAndIsRejectedOnTheBenchsTopic() throws Exception {
        try (SimulatedBench bench = commissioned("bench-maglaj-2", "maglaj")) {
            String messageId = UUID.randomUUID().toString();

            assertThat(bench.publish("ideas", bench.forged(messageId, idea()))).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> !bench.rejections.isEmpty());
            assertThat(bench.rejections.get(0)).contains(messageId).contains("BAD_SIGNATURE");
            assertThat(events("idea.IdeaSubmitted", "idea-" + messageId)).isZero();
            var metric = api.get("/actuator/metrics/civic.bench.messages?tag=outcome:rejected&tag=reason:BAD_SIGNATURE",
                    api.token("admin", "ADMIN"));
            assertThat(metric.status()).isEqualTo(200);
            assertThat(metric.body().at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void aBenchIsToldWhichConsultationsAreOpenInItsMunicipality() throws Exception {
        try (SimulatedBench bench = commissioned("bench-ravno-1", "ravno")) {
            bench.followConsultations();
            await().atMost(Duration.ofSeconds(10)).until(() -> !bench.consultations.isEmpty());
            assertThat(bench.consultations.get(0).getKey()).contains("\"consultations\":[]");
            assertThat(bench.consultations.get(0).getValue()).as("retained").isTrue();

            String consultation = Journeys.openConsultation(api, "ravno", "hr", "Gdje nova klupa?", Duration.ofDays(1),
                    Map.of("trg", "Na trgu", "luka", "Kod luke"));
            String officer = api.token("officer-ravno", List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", "ravno"));
            await().atMost(Duration.ofSeconds(10)).until(() -> bench.consultations.size() >= 2);
            assertThat(bench.consultations.get(1).getKey()).contains(consultation).contains("Gdje nova klupa?");

            api.post("/api/v1/consultations/" + consultation + "/closure", officer, Map.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> bench.consultations.size() >= 3);
            assertThat(bench.consultations.get(2).getKey()).contains("\"consultations\":[]");
        }
    }

    @Test
    void telemetryStatusAndOpinionsAreStoredOnceEach() throws Exception {
        try (SimulatedBench bench = commissioned("bench-zepce-1", "zepce")) {
            String consultation = Journeys.openConsultation(api, "zepce", "bs", "Treba li više rasvjete?",
                    Duration.ofDays(2), Map.of("da", "Da", "ne", "Ne"));
            String telemetry = UUID.randomUUID().toString();
            String status = UUID.randomUUID().toString();
            String opinion = UUID.randomUUID().toString();
            for (int i = 0; i < 2; i++) {
                assertThat(bench.publish("telemetry", bench.message(telemetry, Map.of("batteryPercent", 76,
                        "solarWatts", 140.5, "wifiClients", 3, "chargingSessions", 1, "temperatureCelsius", 4.5)))).isTrue();
                assertThat(bench.publish("status", bench.message(status, Map.of("state", "ONLINE")))).isTrue();
                assertThat(bench.publish("opinions", bench.message(opinion,
                        Map.of("consultationId", consultation, "optionId", "da")))).isTrue();
            }

            assertThat(events("bench.BenchTelemetryRecorded", "bench-report-" + telemetry)).isEqualTo(1);
            assertThat(events("bench.BenchStatusReported", "bench-report-" + status)).isEqualTo(1);
            assertThat(events("consultation.BenchOpinionGiven", "bench-opinion-" + opinion)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SMALL".equals(Journeys.withheld(
                    api.get("/api/v1/consultations/" + consultation).body(), "/anonymousOpinions")));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "ONLINE".equals(api.get("/api/v1/municipalities/zepce/dashboard").body().at("/benches/0/lastState")
                            .asString(null)));
            var onDashboard = api.get("/api/v1/municipalities/zepce/dashboard").body().at("/benches/0");
            assertThat(onDashboard.get("benchId").asString()).isEqualTo("bench-zepce-1");
            assertThat(onDashboard.get("lastState").asString()).isEqualTo("ONLINE");
            assertThat(onDashboard.get("batteryPercent").asDouble()).isEqualTo(76.0);
            // counted like any count: 2 reports, 3 clients and 1 session are each fewer than five
            assertThat(onDashboard.get("reports").isNull()).isTrue();
            assertThat(onDashboard.get("wifiClients").isNull()).isTrue();
            assertThat(onDashboard.get("chargingSessions").isNull()).isTrue();
            assertThat(onDashboard.get("lastSeen").isNull()).isFalse();
        }
    }

    @Test
    void aBenchNotYetCommissionedCarriesNoIdeasOrOpinionsButReportsOnItself() throws Exception {
        refusals().aBenchNotYetCommissionedCarriesNoContributionsButReports("bench-nevesinje-1", "nevesinje");
    }

    @Test
    void aBenchGivesNoOpinionOnAnotherMunicipalitysConsultation() throws Exception {
        refusals().aBenchGivesNoOpinionOnAnotherMunicipalitysConsultation("bench-nevesinje-2", "nevesinje", "trebinje");
    }

    @Test
    void anOverSizeMessageIsAcknowledgedAndRefusedOnTheBenchsConnection() throws Exception {
        refusals().anOverSizeMessageIsAcknowledgedAndRefused("bench-nevesinje-3", "nevesinje");
    }

    @Test
    void anMqtt5BenchIsToldTheLargestPacketAndKeepsItsConnectionAfterAnOverSizeMessage() throws Exception {
        try (Mqtt5Bench bench = new Mqtt5Bench("bench-nevesinje-5")) {
            Journeys.register(api, bench.benchId, bench.signer.publicKey(), "nevesinje");
            Journeys.commission(api, bench.benchId);
            bench.connect(system.bean(BenchEndpoint.class).port());
            assertThat(bench.maximumPacketSize()).isEqualTo(BenchTransport.MAX_PACKET_BYTES);

            Map<String, Object> wordy = new java.util.HashMap<>(idea());
            wordy.put("description", "Klupa u hladu lipe, kraj česme. ".repeat(700));
            String large = UUID.randomUUID().toString();
            assertThat(bench.publish("ideas", bench.signer.sign(large, wordy))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> bench.rejections.stream()
                    .anyMatch(r -> r.contains(large) && r.contains("\"TOO_LARGE\"")));
            assertThat(bench.connected()).isTrue();
            assertThat(events("idea.IdeaSubmitted", "idea-" + large)).isZero();

            String next = UUID.randomUUID().toString();
            assertThat(bench.publish("ideas", bench.signer.sign(next, idea()))).isTrue();
            assertThat(events("idea.IdeaSubmitted", "idea-" + next)).as("acknowledged means stored").isEqualTo(1);
        }
    }
}
