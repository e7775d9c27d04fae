package org.civicledger.bench.message;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civicledger.bench.message.Rejection.Refused;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.domain.shared.InvalidField;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one MQTT message of a bench: topic {@code benches/{benchId}/{kind}}, payload a JWS compact
 * serialization with header {@code {"alg":"EdDSA","kid":"<benchId>"}}, signed with the bench's
 * registered Ed25519 key. Answers a verified {@link BenchMessage} or throws {@link Refused} naming why.
 */
public final class BenchMessageReader {

    public static final int MAX_BYTES = 16 * 1024;
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** The topics a bench publishes to: {@code benches/{benchId}/<kind>}. */
    public static final java.util.List<String> KINDS = java.util.List.of("ideas", "opinions", "telemetry", "status");
    private static final Set<String> STATES = Set.of("ONLINE", "OFFLINE", "TAMPER", "MAINTENANCE");
    /** The kinds that carry citizens' voices: taken only from a bench in service ({@link BenchStanding#takesContributions}). */
    private static final Set<String> CONTRIBUTIONS = Set.of("ideas", "opinions");

    private final BenchRegistry benches;
    private final Clock clock;
    private final Duration offlineWindow;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param offlineWindow how old a message may be when it arrives: a bench offline for longer
     *                      loses what it queued meanwhile
     */
    public BenchMessageReader(BenchRegistry benches, Clock clock, Duration offlineWindow) {
        this.benches = benches;
        this.clock = clock;
        this.offlineWindow = offlineWindow;
    }

    public BenchMessage read(String topic, byte[] payload) {
        String[] parts = topic == null ? new String[0] : topic.split("/");
        if (parts.length != 3 || !"benches".equals(parts[0]) || !KINDS.contains(parts[2])) {
            throw new Refused(Rejection.UNKNOWN_TOPIC, null, "topics are benches/{benchId}/ideas|opinions|telemetry|status");
        }
        String topicBench = parts[1];
        if (payload == null) {
            throw new Refused(Rejection.MALFORMED, null, "no payload");
        }
        if (payload.length > MAX_BYTES) {
            throw new Refused(Rejection.TOO_LARGE, claimedMessageId(payload), "a payload is at most " + MAX_BYTES + " bytes");
        }
        JWSObject jws = parse(payload);
        JsonNode body = body(jws);
        String messageId = text(body, "messageId");
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())) {
            throw new Refused(Rejection.BAD_SIGNATURE, messageId, "alg must be EdDSA");
        }
        if (jws.getHeader().getType() != null && !JOSEObjectType.JOSE.equals(jws.getHeader().getType())
                && !"JWT".equals(jws.getHeader().getType().getType())) {
            throw new Refused(Rejection.MALFORMED, messageId, "unexpected typ");
        }
        if (!topicBench.equals(text(body, "benchId")) || !topicBench.equals(jws.getHeader().getKeyID())) {
            throw new Refused(Rejection.TOPIC_MISMATCH, messageId, "benchId and kid must be the topic's bench");
        }
        BenchStanding bench = standing(topicBench, messageId);
        if (!bench.acceptsMessages()) {
            throw new Refused(Rejection.DECOMMISSIONED, messageId, "the bench is decommissioned");
        }
        if (!verifies(jws, bench.publicKey())) {
            boolean oldKey = bench.rotatedOutKeys().stream().anyMatch(key -> verifies(jws, key));
            throw new Refused(oldKey ? Rejection.ROTATED_KEY : Rejection.BAD_SIGNATURE, messageId, oldKey
                    ? "signed with a key the bench no longer uses" : "the signature does not verify with the bench's key");
        }
        if (CONTRIBUTIONS.contains(parts[2]) && !bench.takesContributions()) {
            throw new Refused(Rejection.NOT_COMMISSIONED, messageId, "the bench is not commissioned: it takes no "
                    + parts[2] + " yet");
        }
        UUID id = uuid(messageId, "messageId", messageId);
        Instant sentAt = sentAt(text(body, "sentAt"), messageId);
        return switch (parts[2]) {
            case "ideas" -> new BenchMessage.Idea(id, topicBench, sentAt, bench.municipalityId(), required(body, "topic", messageId),
                    required(body, "title", messageId), required(body, "description", messageId),
                    required(body, "language", messageId), text(body, "localCommunity"));
            case "opinions" -> new BenchMessage.Opinion(id, topicBench, sentAt, bench.municipalityId(),
                    uuid(required(body, "consultationId", messageId), "consultationId", messageId),
                    required(body, "optionId", messageId));
            case "telemetry" -> telemetry(body, id, topicBench, sentAt, messageId);
            default -> {
                String state = required(body, "state", messageId);
                if (!STATES.contains(state)) {
                    throw new Refused(Rejection.INVALID_FIELDS, messageId, "state must be one of " + STATES);
                }
                yield new BenchMessage.Status(id, topicBench, sentAt, state);
            }
        };
    }

    private BenchMessage.Telemetry telemetry(JsonNode body, UUID id, String bench, Instant sentAt, String messageId) {
        double battery = number(body, "batteryPercent", messageId, 0, 100);
        double solar = number(body, "solarWatts", messageId, 0, 10_000);
        double wifi = number(body, "wifiClients", messageId, 0, 10_000);
        double charging = number(body, "chargingSessions", messageId, 0, 10_000);
        double temperature = number(body, "temperatureCelsius", messageId, -60, 90);
        if (wifi != Math.rint(wifi) || charging != Math.rint(charging)) {
            throw new Refused(Rejection.INVALID_FIELDS, messageId, "wifiClients and chargingSessions are whole numbers");
        }
        return new BenchMessage.Telemetry(id, bench, sentAt, battery, solar, (int) wifi, (int) charging, temperature);
    }

    private static JWSObject parse(byte[] payload) {
        try {
            return JWSObject.parse(new String(payload, StandardCharsets.US_ASCII).strip());
        } catch (java.text.ParseException | RuntimeException e) {
            throw new Refused(Rejection.MALFORMED, null, "not a JWS compact serialization");
        }
    }

    /**
     * The {@code messageId} an over-size message claims, when it can be read at all, so that the bench can
     * tell which of its queued messages to give up; unverified, as for every refusal before the signature.
     * Bounded work: the payload is at most the transport's limit.
     */
    private String claimedMessageId(byte[] payload) {
        try {
            return text(body(parse(payload)), "messageId");
        } catch (Refused unreadable) {
            return null;
        }
    }

    private JsonNode body(JWSObject jws) {
        try {
            JsonNode body = json.readTree(jws.getPayload().toString());
            if (body == null || !body.isObject()) {
                throw new Refused(Rejection.MALFORMED, null, "the JWS payload must be a JSON object");
            }
            return body;
        } catch (JacksonException e) {
            throw new Refused(Rejection.MALFORMED, null, "the JWS payload is not JSON");
        }
    }

    private BenchStanding standing(String bench, String messageId) {
        try {
            Optional<BenchStanding> standing = benches.standingOf(new BenchId(bench));
            return standing.orElseThrow(() -> new Refused(Rejection.UNKNOWN_BENCH, messageId, "no bench " + bench));
        } catch (InvalidField e) {
            throw new Refused(Rejection.UNKNOWN_BENCH, messageId, "no bench " + bench);
        }
    }

    /**
     * RFC 8032 Ed25519 verification by Bouncy Castle's implementation, about seven times faster than
     * the JDK's on this machine (150 µs against 1.1 ms a signature), which bounds the bridge's rate.
     */
    static boolean verifies(JWSObject jws, String base64Key) {
        try {
            byte[] key = Base64.getDecoder().decode(base64Key);
            byte[] signature = jws.getSignature().decode();
            if (key.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            byte[] input = jws.getSigningInput();
            return Ed25519.verify(signature, 0, key, 0, input, 0, input.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Instant sentAt(String text, String messageId) {
        if (text == null) {
            throw new Refused(Rejection.MISSING_FIELDS, messageId, "sentAt is required");
        }
        Instant sentAt;
        try {
            sentAt = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refused(Rejection.INVALID_FIELDS, messageId, "sentAt must be an ISO-8601 instant in UTC");
        }
        Instant now = clock.instant();
        if (sentAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new Refused(Rejection.SENT_IN_FUTURE, messageId, "sentAt is more than 5 minutes ahead");
        }
        if (sentAt.isBefore(now.minus(offlineWindow))) {
            throw new Refused(Rejection.TOO_OLD, messageId, "sentAt is older than the offline window of " + offlineWindow);
        }
        return sentAt;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || !value.isString() ? null : value.asString();
    }

    private static String required(JsonNode body, String field, String messageId) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new Refused(Rejection.MISSING_FIELDS, messageId, field + " is required");
        }
        return value;
    }

    private static UUID uuid(String text, String field, String messageId) {
        if (text == null) {
            throw new Refused(Rejection.MISSING_FIELDS, messageId, field + " is required");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(Rejection.INVALID_FIELDS, messageId, field + " must be a UUID");
        }
    }

    private static double number(JsonNode body, String field, String messageId, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new Refused(Rejection.MISSING_FIELDS, messageId, field + " is required");
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new Refused(Rejection.INVALID_FIELDS, messageId, field + " must be a number from " + min + " to " + max);
        }
        return value.asDouble();
    }
}
