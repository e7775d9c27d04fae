package org.civicledger.bench.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.domain.bench.BenchStatus;

/**
 * Property: whatever arrives on a bench topic — bytes that are no JWS, or a JWS correctly signed by the
 * bench around a body of any shape — the reader answers with a message or a refusal with a reason, never
 * another exception (which would drop the bench's connection without telling it why).
 */
class HostileBenchPayloadsTest {

    private static final KeyPair KEY = BenchMessageReaderTest.ed25519();
    private static final List<String> FIELDS = List.of("messageId", "benchId", "sentAt", "topic", "title", "description",
            "language", "consultationId", "optionId", "batteryPercent", "solarWatts", "wifiClients", "chargingSessions",
            "temperatureCelsius", "state");

    private final BenchMessageReader reader = new BenchMessageReader(id -> "bench-mostar".equals(id.value())
            ? Optional.of(new BenchStanding("mostar", BenchStatus.COMMISSIONED, BenchMessageReaderTest.raw(KEY), 1, null))
            : Optional.empty(), Clock.fixed(BenchMessageReaderTest.NOW, ZoneOffset.UTC), Duration.ofDays(7));

    @Property(tries = 2_000)
    void anyPayloadIsReadOrRefusedWithAReason(@ForAll("topics") String topic, @ForAll("payloads") byte[] payload) {
        try {
            BenchMessage message = reader.read(topic, payload);
            assertThat(message.benchId()).isEqualTo("bench-mostar");
            if (message instanceof BenchMessage.Idea idea) { // what is accepted keeps the contract's rules
                assertThat(idea.title()).isNotBlank();
                assertThat(idea.description()).isNotBlank();
            } else if (message instanceof BenchMessage.Telemetry telemetry) {
                assertThat(telemetry.batteryPercent()).isBetween(0.0, 100.0);
                assertThat(telemetry.temperatureCelsius()).isBetween(-60.0, 90.0);
                assertThat(telemetry.wifiClients()).isNotNegative();
            }
            Statistics.label("outcome").collect(message.getClass().getSimpleName());
        } catch (Rejection.Refused refused) {
            assertThat(refused.reason()).isNotNull();
            Statistics.label("outcome").collect(refused.reason());
        }
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(BenchMessageReader.KINDS).map(kind -> "benches/bench-mostar/" + kind)),
                Tuple.of(1, Arbitraries.of("benches/bench-other/ideas", "benches//ideas", "benches/bench-mostar/x", "",
                        "benches/bench-mostar/ideas/extra")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> signed = Combinators.combine(body(), Arbitraries.of("EdDSA", "none", "HS256"))
                .as((body, alg) -> BenchMessageReaderTest.sign(KEY, Map.of("alg", alg, "kid", "bench-mostar"), body)
                        .getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.frequencyOf(
                Tuple.of(7, signed),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8))));
    }

    /** A message body: mostly the right fields, now and then wrong ones, with values of any kind. */
    private static Arbitrary<Map<String, Object>> body() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120).map(s -> (Object) s),
                Arbitraries.of("bench-mostar", "5b3a1c2d-0000-4000-8000-00000000aaaa", BenchMessageReaderTest.NOW.toString(),
                        "2026-11-22T09:59:30Z", "1999-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "bs", "parks", "OK", "FAULT",
                        "", "\u0000", "x".repeat(3_000)).map(s -> (Object) s),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -1.0, 101.0, Long.MAX_VALUE).map(n -> (Object) n),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.strings().ofMaxLength(10).list().ofMaxSize(3).map(l -> (Object) l));
        return Combinators.combine(Arbitraries.of(FIELDS).list().ofMaxSize(10), values.list().ofMaxSize(10),
                Arbitraries.of(true, false)).as((keys, vs, usual) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (usual) { // a complete message of every kind, so that what is changed below gets looked at
                body.put("messageId", "5b3a1c2d-0000-4000-8000-00000000aaaa");
                body.put("benchId", "bench-mostar");
                body.put("sentAt", BenchMessageReaderTest.NOW.minusSeconds(30).toString());
                body.putAll(BenchMessageReaderTest.idea());
                body.putAll(Map.of("consultationId", "0f0e0d0c-0000-4000-8000-000000000001", "optionId", "park",
                        "batteryPercent", 80.0, "solarWatts", 100, "wifiClients", 3, "chargingSessions", 1,
                        "temperatureCelsius", 12.5, "state", "OK"));
            }
            for (int i = 0; i < Math.min(keys.size(), vs.size()); i++) {
                body.put(keys.get(i), vs.get(i));
            }
            return body;
        });
    }
}
