package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever body arrives at any write of the API — JSON of any shape made of the API's own field
 * names with hostile values, or not JSON at all — the answer is never a server error and never a hang:
 * a success, or a 4xx problem document. Each call is sent with a token of a role allowed to make it, at a
 * real idea, consultation and CSO, so bodies reach validation and the domain rather than stopping at the
 * door. jqwik shrinks any failing body to a small one and reports its seed.
 */
class HostileRequestBodiesEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> FIELDS = List.of("municipalityId", "localCommunity", "topic", "title", "description",
            "language", "decision", "reason", "kind", "rationale", "department", "percent", "note", "name",
            "registrationNumber", "municipalityIds", "focusAreas", "contactEmail", "acceptsProtocol", "question", "options",
            "optionId", "label", "opensAt", "closesAt", "ideaId", "conclusion", "year", "catalogue", "respondents",
            "principles", "principle", "score", "evidence", "email", "gender", "ageBand", "benchId", "location", "lat",
            "lon", "publicKey");
    private static final AtomicInteger TRIED = new AtomicInteger();

    private static RunningSystem system;
    private static Map<String, String> tokens;
    private static List<String[]> writes; // method, path, role

    @BeforeContainer
    static void startSystem() {
        // one citizen makes hundreds of writes here: the per-person allowance is not what is under test
        system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN",
                "--civic.http.writes-per-person-per-minute=1000000");
        Api api = system.api;
        String csoId = Journeys.approvedCso(api, "Udruženje Fuzz", "RU-FUZZ-1", List.of("mostar"));
        tokens = Map.of(
                "CITIZEN", api.token("fuzz-citizen", "CITIZEN"),
                "CSO_MEMBER", api.token("fuzz-member", List.of("CSO_MEMBER"), Map.of("csoId", csoId)),
                "MUNICIPAL_OFFICER", api.token("fuzz-officer", List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", "mostar")),
                "NETWORK_COORDINATOR", api.token("fuzz-coordinator", "NETWORK_COORDINATOR"),
                "ADMIN", api.token("fuzz-admin", "ADMIN"));
        String idea = api.post("/api/v1/ideas", tokens.get("CITIZEN"), IdeaLoopEndToEndTest.idea("mostar")).json("ideaId").asString();
        String consultation = Journeys.openConsultation(api, "mostar", "bs", "Gdje?", Duration.ofDays(30),
                Map.of("park", "U parku", "trg", "Na trgu"));
        writes = List.of(
                new String[] {"POST", "/api/v1/ideas", "CITIZEN"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/votes", "CITIZEN"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/amendments", "CITIZEN"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/validations", "CSO_MEMBER"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/actions", "CSO_MEMBER"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/responses", "MUNICIPAL_OFFICER"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/progress", "MUNICIPAL_OFFICER"},
                new String[] {"POST", "/api/v1/ideas/" + idea + "/moderation", "NETWORK_COORDINATOR"},
                new String[] {"POST", "/api/v1/csos", "CITIZEN"},
                new String[] {"POST", "/api/v1/csos/" + csoId + "/suspension", "NETWORK_COORDINATOR"},
                new String[] {"POST", "/api/v1/consultations", "MUNICIPAL_OFFICER"},
                new String[] {"POST", "/api/v1/consultations/" + consultation + "/answers", "CITIZEN"},
                new String[] {"POST", "/api/v1/consultations/" + consultation + "/conclusion", "MUNICIPAL_OFFICER"},
                new String[] {"POST", "/api/v1/eloge/mostar/self-assessments", "MUNICIPAL_OFFICER"},
                new String[] {"POST", "/api/v1/eloge/mostar/surveys", "MUNICIPAL_OFFICER"},
                new String[] {"PUT", "/api/v1/people/me/personal-data", "CITIZEN"},
                new String[] {"POST", "/api/v1/benches", "ADMIN"},
                new String[] {"POST", "/api/v1/benches/bench-fuzz/key-rotation", "ADMIN"},
                new String[] {"POST", "/api/v1/dev/tokens", "CITIZEN"});
    }

    @AfterContainer
    static void stopSystem() {
        System.out.printf("hostile request bodies tried: %,d%n", TRIED.get());
        system.close();
    }

    @Property(tries = 400)
    void noBodyMakesAServerErrorOrAHang(@ForAll("writes") int write, @ForAll("bodies") String body) throws Exception {
        String[] call = writes.get(write % writes.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.api.base() + call[1]))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(call[2]))
                .method(call[0], HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();

        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        TRIED.incrementAndGet();
        net.jqwik.api.statistics.Statistics.label("status").collect(reply.statusCode());

        assertThat(reply.statusCode()).as("%s %s with %s", call[0], call[1], body).isBetween(200, 499);
        if (reply.statusCode() >= 400) {
            assertThat(reply.headers().firstValue("Content-Type")).as("%s %s with %s", call[0], call[1], body)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Provide
    Arbitrary<Integer> writes() {
        return Arbitraries.integers().between(0, 1_000);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, objects(3).map(HostileRequestBodiesEndToEndTest::json)),
                net.jqwik.api.Tuple.of(1, values(2).map(HostileRequestBodiesEndToEndTest::json)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
    }

    /** Objects keyed by the API's field names (and now and then another), with values of any kind. */
    private static Arbitrary<Object> objects(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(keys.list().ofMaxSize(8), values(depth).list().ofMaxSize(8)).as((k, v) -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(k.size(), v.size()); i++) {
                object.put(k.get(i), v.get(i));
            }
            return object;
        });
    }

    private static Arbitrary<Object> values(int depth) {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.of("", " ", "mostar", "bs", "sr-Cyrl", "ENDORSE", "ACCEPTED", "COUNCIL_INITIATIVE", "park",
                        "2026-13-45T99:00:00Z", "2000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "\u0000", "\uD83D\uDE00",
                        "<script>alert(1)</script>", "' or 1=1 --", "${jndi:ldap://x}", "../../etc/passwd",
                        "x".repeat(5_000)).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 101, 1e308).map(n -> (Object) n),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth <= 0) {
            return scalars;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> objects(depth - 1))));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
