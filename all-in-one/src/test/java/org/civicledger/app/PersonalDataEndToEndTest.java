package org.civicledger.app;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.civicledger.command.person.Pseudonyms;
import org.civicledger.query.person.PersonProjection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Personal data is sealed with a per-person key; erasing the key makes it unreadable in every replay
 * while no stored event changes — proven through a full rebuild of the read store.
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

    private static Document personDocument(RunningSystem system, String subject) {
        String pseudonym = system.bean(Pseudonyms.class).of(subject).value();
        return system.bean(MongoDatabase.class).getCollection(PersonProjection.COLLECTION).find(eq("_id", pseudonym)).first();
    }

    @Test
    void erasureShredsTheKeyAndLeavesEveryEventAsItWas() throws Exception {
        TestStores stores = TestStores.fresh();
        List<StoredEvent> beforeErasure;
        try (RunningSystem system = RunningSystem.start(stores)) {
            Api api = system.api;
            String token = api.token("amra-subject", "CITIZEN");
            assertThat(api.put("/api/v1/people/me/personal-data", token, AMRA).status()).isEqualTo(204);

            JsonNode mine = api.get("/api/v1/people/me/personal-data", token).body();
            assertThat(mine.get("status").asString()).isEqualTo("RECORDED");
            assertThat(mine.at("/data/name").asString()).isEqualTo("Amra Hodžić");
            assertThat(allPayloadsAndMetadata(system)).noneMatch(text -> text.contains("Hodžić")
                    || text.contains("amra.hodzic") || text.contains("amra-subject") || text.contains("FEMALE"));
            await().atMost(Duration.ofSeconds(10)).until(() -> personDocument(system, "amra-subject") != null
                    && "FEMALE".equals(personDocument(system, "amra-subject").getString("gender")));
            assertThat(personDocument(system, "amra-subject").toJson()).doesNotContain("Hodžić").doesNotContain("amra.hodzic");
            beforeErasure = events(system);

            assertThat(api.delete("/api/v1/people/me/personal-data", token).status()).isEqualTo(204);

            assertThat(api.get("/api/v1/people/me/personal-data", token).json("status").asString()).isEqualTo("ERASED");
            List<StoredEvent> afterErasure = events(system);
            assertThat(afterErasure.subList(0, beforeErasure.size())).isEqualTo(beforeErasure);
            assertThat(afterErasure.subList(beforeErasure.size(), afterErasure.size()))
                    .extracting(StoredEvent::type).containsExactly("org.civicledger.domain.person.PersonalDataErased");
            await().atMost(Duration.ofSeconds(10)).until(() -> personDocument(system, "amra-subject").getBoolean("erased"));
            assertProblem(api.delete("/api/v1/people/me/personal-data", token), 409, "conflict");
        }

        // a new process with an empty read store rebuilds every projection from the first event
        try (RunningSystem rebuilt = RunningSystem.start(stores)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> personDocument(rebuilt, "amra-subject") != null);
            Document amra = personDocument(rebuilt, "amra-subject");
            assertThat(amra.getBoolean("erased")).isTrue();
            assertThat(amra.containsKey("gender")).isFalse();
            String token = rebuilt.api.token("amra-subject", "CITIZEN");
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

            // recording again after an erasure seals with a new key, readable again
            api.put("/api/v1/people/me/personal-data", citizen, Map.of("ageBand", "55_64"));
            assertThat(api.get("/api/v1/people/me/personal-data", citizen).body().at("/data/ageBand").asString()).isEqualTo("55_64");
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
