package org.civicledger.bench.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civicledger.bench.message.Rejection.Refused;
import org.civicledger.bench.simulator.BenchSigner;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.domain.bench.BenchStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BenchMessageReaderTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeyPair benchKey = ed25519();
    private final KeyPair otherKey = ed25519();
    private final Map<String, BenchStanding> registered = new HashMap<>(Map.of(
            "bench-mostar", new BenchStanding("mostar", BenchStatus.COMMISSIONED, raw(benchKey), 1, null),
            "bench-old", new BenchStanding("mostar", BenchStatus.DECOMMISSIONED, raw(benchKey), 1, null),
            "bench-new", new BenchStanding("mostar", BenchStatus.REGISTERED, raw(benchKey), 1, null),
            "bench-rekeyed", new BenchStanding("mostar", BenchStatus.COMMISSIONED, raw(otherKey), 2,
                    java.util.List.of(raw(benchKey)))));
    private final BenchMessageReader reader = new BenchMessageReader(
            (BenchRegistry) id -> Optional.ofNullable(registered.get(id.value())),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7));

    static KeyPair ed25519() {
        return BenchSigner.newKey();
    }

    /** The raw 32-byte public key, base64, as a bench registers it. */
    static String raw(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** A JWS compact serialization signed as a bench signs it. */
    static String sign(KeyPair key, Map<String, Object> header, Map<String, Object> payload) {
        try {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String input = url.encodeToString(JSON.writeValueAsBytes(header)) + "." + url.encodeToString(JSON.writeValueAsBytes(payload));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + url.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> header(String bench) {
        return Map.of("alg", "EdDSA", "kid", bench);
    }

    static Map<String, Object> message(String bench, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.putIfAbsent("messageId", "5b3a1c2d-0000-4000-8000-00000000aaaa");
        payload.putIfAbsent("benchId", bench);
        payload.putIfAbsent("sentAt", NOW.minusSeconds(30).toString());
        return payload;
    }

    static Map<String, Object> idea() {
        return Map.of("topic", "parks", "title", "Više klupa u parku", "description", "Potrebno je više klupa.",
                "language", "bs");
    }

    private BenchMessage read(String topic, String jws) {
        return reader.read(topic, jws.getBytes(StandardCharsets.US_ASCII));
    }

    private Rejection refusal(String topic, String jws) {
        try {
            read(topic, jws);
            throw new AssertionError("accepted");
        } catch (Refused refused) {
            return refused.reason();
        }
    }

    @Test
    void aSignedIdeaIsRead() {
        BenchMessage message = read("benches/bench-mostar/ideas", sign(benchKey, header("bench-mostar"), message("bench-mostar", idea())));

        assertThat(message).isInstanceOf(BenchMessage.Idea.class);
        BenchMessage.Idea idea = (BenchMessage.Idea) message;
        assertThat(idea.title()).isEqualTo("Više klupa u parku");
        assertThat(idea.messageId()).isEqualTo(UUID.fromString("5b3a1c2d-0000-4000-8000-00000000aaaa"));
        assertThat(idea.sentAt()).isEqualTo(NOW.minusSeconds(30));
    }

    @Test
    void opinionsTelemetryAndStatusAreRead() {
        UUID consultation = UUID.randomUUID();
        assertThat(read("benches/bench-mostar/opinions", sign(benchKey, header("bench-mostar"), message("bench-mostar",
                Map.of("consultationId", consultation.toString(), "optionId", "park")))))
                .isEqualTo(new BenchMessage.Opinion(UUID.fromString("5b3a1c2d-0000-4000-8000-00000000aaaa"), "bench-mostar",
                        NOW.minusSeconds(30), "mostar", consultation, "park"));
        BenchMessage.Telemetry telemetry = (BenchMessage.Telemetry) read("benches/bench-mostar/telemetry",
                sign(benchKey, header("bench-mostar"), message("bench-mostar", Map.of("batteryPercent", 87.5,
                        "solarWatts", 120, "wifiClients", 4, "chargingSessions", 2, "temperatureCelsius", -3.5))));
        assertThat(telemetry.wifiClients()).isEqualTo(4);
        assertThat(telemetry.temperatureCelsius()).isEqualTo(-3.5);
        assertThat(((BenchMessage.Status) read("benches/bench-mostar/status", sign(benchKey, header("bench-mostar"),
                message("bench-mostar", Map.of("state", "TAMPER"))))).state()).isEqualTo("TAMPER");
    }

    @Test
    void aSignatureByAnotherKeyOrATamperedPayloadIsRefused() {
        assertThat(refusal("benches/bench-mostar/ideas", sign(otherKey, header("bench-mostar"), message("bench-mostar", idea()))))
                .isEqualTo(Rejection.BAD_SIGNATURE);
        String signed = sign(benchKey, header("bench-mostar"), message("bench-mostar", idea()));
        String[] parts = signed.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(
                message("bench-mostar", Map.of("topic", "parks", "title", "Podmetnuta ideja", "description", "x", "language", "bs"))));
        assertThat(refusal("benches/bench-mostar/ideas", parts[0] + "." + forged + "." + parts[2]))
                .isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    void anUnsignedOrNoneAlgorithmMessageIsRefused() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String none = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.US_ASCII)) + "."
                + url.encodeToString(JSON.writeValueAsBytes(message("bench-mostar", idea()))) + ".";
        assertThat(refusal("benches/bench-mostar/ideas", none)).isIn(Rejection.MALFORMED, Rejection.BAD_SIGNATURE);
        assertThat(refusal("benches/bench-mostar/ideas", sign(benchKey, Map.of("alg", "HS256", "kid", "bench-mostar"),
                message("bench-mostar", idea())))).isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    void benchesThatAreUnknownDecommissionedOrReKeyedAreRefused() {
        assertThat(refusal("benches/bench-ghost/ideas", sign(benchKey, header("bench-ghost"), message("bench-ghost", idea()))))
                .isEqualTo(Rejection.UNKNOWN_BENCH);
        assertThat(refusal("benches/bench-old/ideas", sign(benchKey, header("bench-old"), message("bench-old", idea()))))
                .isEqualTo(Rejection.DECOMMISSIONED);
        assertThat(refusal("benches/bench-rekeyed/ideas", sign(benchKey, header("bench-rekeyed"), message("bench-rekeyed", idea()))))
                .isEqualTo(Rejection.ROTATED_KEY);
        assertThat(refusal("benches/bench-rekeyed/ideas", sign(ed25519(), header("bench-rekeyed"), message("bench-rekeyed", idea()))))
                .as("a key the bench never had is a bad signature, not a rotated one")
                .isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(read("benches/bench-rekeyed/ideas", sign(otherKey, header("bench-rekeyed"), message("bench-rekeyed", idea()))))
                .isInstanceOf(BenchMessage.Idea.class);
    }

    @Test
    void aBenchNotYetCommissionedCarriesNoIdeasOrOpinions() {
        assertThat(refusal("benches/bench-new/ideas", sign(benchKey, header("bench-new"), message("bench-new", idea()))))
                .isEqualTo(Rejection.NOT_COMMISSIONED);
        assertThat(refusal("benches/bench-new/opinions", sign(benchKey, header("bench-new"), message("bench-new",
                Map.of("consultationId", UUID.randomUUID().toString(), "optionId", "park")))))
                .isEqualTo(Rejection.NOT_COMMISSIONED);
    }

    @Test
    void aBenchNotYetCommissionedReportsOnItself() {
        assertThat(read("benches/bench-new/telemetry", sign(benchKey, header("bench-new"), message("bench-new",
                Map.of("batteryPercent", 99, "solarWatts", 80, "wifiClients", 0, "chargingSessions", 0,
                        "temperatureCelsius", 18)))))
                .isInstanceOf(BenchMessage.Telemetry.class);
        assertThat(read("benches/bench-new/status", sign(benchKey, header("bench-new"), message("bench-new",
                Map.of("state", "MAINTENANCE")))))
                .isInstanceOf(BenchMessage.Status.class);
    }

    @Test
    void onlyTheBenchItselfLearnsThatItIsNotCommissioned() {
        assertThat(refusal("benches/bench-new/ideas", sign(otherKey, header("bench-new"), message("bench-new", idea()))))
                .as("a forger is told the signature is bad, not what state the bench is in")
                .isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    void anOversizedMessageIsRefusedNamingTheMessageItClaimsToBe() {
        Map<String, Object> wordy = new HashMap<>(idea());
        wordy.put("description", "Klupa. ".repeat(3_000));
        String jws = sign(benchKey, header("bench-mostar"), message("bench-mostar", wordy));
        assertThat(jws.length()).isGreaterThan(BenchMessageReader.MAX_BYTES);

        assertThatThrownBy(() -> read("benches/bench-mostar/ideas", jws)).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Rejection.TOO_LARGE);
            assertThat(refused.messageId()).isEqualTo("5b3a1c2d-0000-4000-8000-00000000aaaa");
        });
    }

    @Test
    void theTopicBenchThePayloadBenchAndTheKeyIdMustAgree() {
        assertThat(refusal("benches/bench-mostar/ideas", sign(benchKey, header("bench-mostar"), message("bench-other", idea()))))
                .isEqualTo(Rejection.TOPIC_MISMATCH);
        assertThat(refusal("benches/bench-mostar/ideas", sign(benchKey, header("bench-other"), message("bench-mostar", idea()))))
                .isEqualTo(Rejection.TOPIC_MISMATCH);
        assertThat(refusal("benches/bench-mostar/gossip", sign(benchKey, header("bench-mostar"), message("bench-mostar", idea()))))
                .isEqualTo(Rejection.UNKNOWN_TOPIC);
    }

    @Test
    void malformedOversizedOrIncompleteMessagesAreRefused() {
        assertThat(refusal("benches/bench-mostar/ideas", "not a jws")).isEqualTo(Rejection.MALFORMED);
        assertThatThrownBy(() -> reader.read("benches/bench-mostar/ideas", new byte[BenchMessageReader.MAX_BYTES + 1]))
                .isInstanceOf(Refused.class).extracting(e -> ((Refused) e).reason()).isEqualTo(Rejection.TOO_LARGE);
        Map<String, Object> noTitle = new HashMap<>(idea());
        noTitle.remove("title");
        assertThat(refusal("benches/bench-mostar/ideas", sign(benchKey, header("bench-mostar"), message("bench-mostar", noTitle))))
                .isEqualTo(Rejection.MISSING_FIELDS);
        assertThat(refusal("benches/bench-mostar/telemetry", sign(benchKey, header("bench-mostar"), message("bench-mostar",
                Map.of("batteryPercent", 140, "solarWatts", 1, "wifiClients", 1, "chargingSessions", 1, "temperatureCelsius", 1)))))
                .isEqualTo(Rejection.INVALID_FIELDS);
    }

    @Test
    void messagesFromTheFutureOrOlderThanTheOfflineWindowAreRefused() {
        assertThat(refusal("benches/bench-mostar/ideas", sign(benchKey, header("bench-mostar"), message("bench-mostar",
                withSentAt(NOW.plus(Duration.ofMinutes(6)))))))
                .isEqualTo(Rejection.SENT_IN_FUTURE);
        assertThat(refusal("benches/bench-mostar/ideas", sign(benchKey, header("bench-mostar"), message("bench-mostar",
                withSentAt(NOW.minus(Duration.ofDays(8)))))))
                .isEqualTo(Rejection.TOO_OLD);
        assertThat(read("benches/bench-mostar/ideas", sign(benchKey, header("bench-mostar"), message("bench-mostar",
                withSentAt(NOW.minus(Duration.ofDays(6))))))).isNotNull();
    }

    private static Map<String, Object> withSentAt(Instant sentAt) {
        Map<String, Object> fields = new HashMap<>(idea());
        fields.put("sentAt", sentAt.toString());
        return fields;
    }
}
