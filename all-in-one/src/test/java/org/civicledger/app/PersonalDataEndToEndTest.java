package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.civicledger.query.municipalday.MunicipalDays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Personal data is sealed under a key that erasing the person destroys, with their secret: it is
 * unreadable in every replay while no stored event changes — proven through a full rebuild of the read
 * store. The profile a person's acts carried for the statistics goes with it.
 */
class PersonalDataEndToEndTest {

    private static final Map<String, Object> AMRA = Map.of("name", "Amra Hodžić", "email", "amra.hodzic@example.ba",
            "gender", "FEMALE", "ageBand", "25_34", "localCommunity", "Mahala");

    record StoredEvent(long index, String id, String type, String payloadDigest) {
    }

    private static List<StoredEvent> events(RunningSystem system) throws Exception {
        List<StoredEvents.Raw> raw = StoredEvents.raw(system);
        return java.util.stream.IntStream.range(0, raw.size()).mapToObj(i -> new StoredEvent(i, raw.get(i).id(),
                raw.get(i).type(), raw.get(i).payloadDigest())).toList();
    }

    private static List<String> allPayloadsAndMetadata(RunningSystem system) throws Exception {
        return StoredEvents.raw(system).stream().map(StoredEvents.Raw::text).toList();
    }

    /** The acts the statistics keep, day by day, in the read store. */
    private static List<Document> acts(RunningSystem system) {
        List<Document> acts = new ArrayList<>();
        for (Document day : Journeys.readModel(system, MunicipalDays.DAYS)) {
            Document kept = day.get("acts", Document.class);
            if (kept != null) {
                kept.values().forEach(act -> {
                    MunicipalDays.ActEntry entry = MunicipalDays.ActEntry.of((String) act);
                    acts.add(new Document("kind", entry.kind()).append("channel", entry.channel()).append("gender", entry.gender())
                            .append("ageBand", entry.ageBand()).append("localCommunity", entry.localCommunity()));
                });
            }
        }
        return acts;
    }

    /** The profiles the statistics keep of the acts: the categories stated, never who. */
    private static List<Document> profiles(RunningSystem system) {
        List<Document> profiles = new ArrayList<>();
        for (Document act : acts(system)) {
            if (act.getString("gender") != null || act.getString("ageBand") != null || act.getString("localCommunity") != null) {
                profiles.add(new Document("gender", act.getString("gender")).append("ageBand", act.getString("ageBand"))
                        .append("localCommunity", act.getString("localCommunity")));
            }
        }
        return profiles;
    }

    @Test
    void erasureShredsTheKeysAndLeavesEveryEventAsItWas() throws Exception {
        TestStores stores = TestStores.fresh();
        List<StoredEvent> beforeErasure;
        try (RunningSystem system = RunningSystem.start(stores)) {
            Api api = system.api;
            String token = api.token("amra-subject", "CITIZEN");
            assertThat(api.put("/api/v1/people/me/personal-data", token, AMRA).status()).isEqualTo(204);
            String idea = Journeys.submittedIdea(api, api.token("someone-else", "CITIZEN"), "mostar");
            assertThat(api.post("/api/v1/ideas/" + idea + "/votes", token, Map.of()).status()).isEqualTo(201);

            JsonNode mine = api.get("/api/v1/people/me/personal-data", token).body();
            assertThat(mine.get("status").asString()).isEqualTo("RECORDED");
            assertThat(mine.at("/data/name").asString()).isEqualTo("Amra Hodžić");
            assertThat(allPayloadsAndMetadata(system)).noneMatch(text -> text.contains("Hodžić")
                    || text.contains("amra.hodzic") || text.contains("amra-subject") || text.contains("FEMALE"));
            await().atMost(Duration.ofSeconds(10)).until(() -> profiles(system).stream()
                    .anyMatch(p -> "FEMALE".equals(p.getString("gender"))));
            assertThat(profiles(system)).allSatisfy(p -> assertThat(p.toJson()).doesNotContain("Hodžić")
                    .doesNotContain("amra.hodzic"));
            beforeErasure = events(system);

            assertThat(api.delete("/api/v1/people/me/personal-data", token).status()).isEqualTo(204);

            assertThat(api.get("/api/v1/people/me/personal-data", token).json("status").asString()).isEqualTo("ERASED");
            List<StoredEvent> afterErasure = events(system);
            assertThat(afterErasure.subList(0, beforeErasure.size())).isEqualTo(beforeErasure);
            assertThat(afterErasure.subList(beforeErasure.size(), afterErasure.size()))
                    .extracting(StoredEvent::type).containsExactly("org.civicledger.domain.person.PersonalDataErased");
            assertProblem(api.delete("/api/v1/people/me/personal-data", token), 409, "conflict");
        }

        // a new process with an empty read store (the kept one removed) rebuilds every projection from the first event
        java.nio.file.Path readStore = stores.dataDirectory().resolve("read-store");
        if (java.nio.file.Files.exists(readStore)) {
            try (var files = java.nio.file.Files.walk(readStore)) {
                for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
        }
        try (RunningSystem rebuilt = RunningSystem.start(stores)) {
            String token = rebuilt.api.token("amra-subject", "CITIZEN");
            await().atMost(Duration.ofSeconds(10)).until(() -> acts(rebuilt).size() == 2);
            assertThat(profiles(rebuilt)).as("the vote's profile went with the erased key").isEmpty();
            assertThat(rebuilt.api.get("/api/v1/people/me/personal-data", token).json("status").asString()).isEqualTo("ERASED");
            assertThat(events(rebuilt).subList(0, beforeErasure.size())).isEqualTo(beforeErasure);
        }
    }

    @Test
    void anAdministratorErasesForAPersonAndOthersCannot() {
        try (RunningSystem system = RunningSystem.start(TestStores.fresh())) {
            Api api = system.api;
            String citizen = api.token("bojan-subject", "CITIZEN");
            api.put("/api/v1/people/me/personal-data", citizen, Map.of("name", "Bojan", "ageBand", "65_PLUS"));

            assertProblem(api.delete("/api/v1/people/bojan-subject/personal-data", api.token("someone", "CITIZEN")),
                    403, "forbidden");
            assertThat(api.delete("/api/v1/people/bojan-subject/personal-data", api.token("admin", "ADMIN")).status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v1/people/me/personal-data", citizen).json("status").asString()).isEqualTo("ERASED");
            assertProblem(api.delete("/api/v1/people/nobody-ever/personal-data", api.token("admin", "ADMIN")),
                    409, "conflict");

            // recording again after an erasure: under a new secret, with new keys, readable again
            api.put("/api/v1/people/me/personal-data", citizen, Map.of("ageBand", "55_64"));
            assertThat(api.get("/api/v1/people/me/personal-data", citizen).body().at("/data/ageBand").asString()).isEqualTo("55_64");
            assertThat(api.get("/api/v1/people/me/personal-data", citizen).body().at("/data/name").isNull()).isTrue();
        }
    }

    @Test
    void personalDataIsValidatedFieldByField() {
        try (RunningSystem system = RunningSystem.start(TestStores.fresh())) {
            Map<String, Object> bad = new HashMap<>(AMRA);
            bad.put("email", "not-an-address");
            bad.put("gender", "f");
            var reply = system.api.put("/api/v1/people/me/personal-data", system.api.token("x", "CITIZEN"), bad);
            assertProblem(reply, 400, "validation-failed");
            assertThat(reply.json("errors").valueStream().map(e -> e.get("field").asString()).toList())
                    .containsExactlyInAnyOrder("email", "gender");
            assertProblem(system.api.get("/api/v1/people/me/personal-data", system.api.token("y", "CITIZEN")),
                    404, "not-found");
        }
    }
}
