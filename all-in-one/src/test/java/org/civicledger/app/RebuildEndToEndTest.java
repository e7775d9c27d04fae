package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.civicledger.query.rebuild.ProjectionRebuilds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding every projection from zero, while the system runs and with processors stopped and
 * restarted in the middle of the replay, ends with read models identical to the incremental ones
 * (a digest of every collection); so does the startup switch on a restarted system.
 */
class RebuildEndToEndTest {

    @Test
    void aRebuildFromZeroEndsExactlyWhereTheIncrementalReadModelsWere() throws Exception {
        TestStores stores = TestStores.fresh();
        Map<String, String> incremental;
        try (RunningSystem system = RunningSystem.start(stores)) {
            Api api = system.api;
            aLittleOfEverything(api);
            String admin = api.token("admin", "ADMIN");
            awaitCaughtUp(api, admin);
            incremental = digests(system);
            assertThat(incremental).containsKeys("ideas", "ballots", "csos", "municipalDays", "periodFigures", "consultations");

            assertProblem(api.post("/api/v1/admin/projections/all/rebuild", api.token("c", "CITIZEN"), Map.of()),
                    403, "forbidden");
            Api.Reply started = api.post("/api/v1/admin/projections/all/rebuild", admin, Map.of());
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json("rebuilding").size()).isGreaterThanOrEqualTo(5);
            ProjectionRebuilds rebuilds = system.bean(ProjectionRebuilds.class);
            for (int i = 0; i < 2; i++) { // stop and resume in the middle of the replay, from the stored tokens
                rebuilds.restart();
            }
            awaitCaughtUp(api, admin);

            assertThat(digests(system)).isEqualTo(incremental);
            JsonNode ideas = api.get("/api/v1/admin/projections/ideas", admin).body();
            assertThat(ideas.get("percent").asDouble()).isEqualTo(100.0);
            assertThat(ideas.get("secondsLeft").asLong()).isZero();
            assertProblem(api.post("/api/v1/admin/projections/nonsense/rebuild", admin, Map.of()), 400, "validation-failed");
        }

        try (RunningSystem restarted = RunningSystem.start(stores, "--civic.rebuild=all")) {
            awaitCaughtUp(restarted.api, restarted.api.token("admin", "ADMIN"));
            assertThat(digests(restarted)).isEqualTo(incremental);
        }
    }

    private static void aLittleOfEverything(Api api) {
        String citizen = api.token("citizen-r1", "CITIZEN");
        api.put("/api/v1/people/me/personal-data", citizen, Map.of("gender", "MALE", "ageBand", "35_44"));
        String idea = Journeys.submittedIdea(api, citizen, "maglaj");
        Journeys.submittedIdea(api, api.token("citizen-r2", "CITIZEN"), "maglaj");
        for (String voter : List.of("citizen-r1", "citizen-r2", "citizen-r3")) {
            api.post("/api/v1/ideas/" + idea + "/votes", api.token(voter, "CITIZEN"), Map.of());
        }
        api.delete("/api/v1/ideas/" + idea + "/votes", api.token("citizen-r3", "CITIZEN"));
        Journeys.forward(api, idea, Journeys.csoMembers(api, "maglaj"), "PETITION");
        Journeys.answer(api, idea, "maglaj", "PARTIALLY_ACCEPTED");
        String officer = api.token("officer-maglaj", List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", "maglaj"));
        String consultation = api.post("/api/v1/consultations", officer, Map.of(
                "question", Map.of("bs", "Koja ulica prva?"), "ideaId", idea,
                "options", List.of(Map.of("optionId", "a", "label", Map.of("bs", "A")), Map.of("optionId", "b", "label", Map.of("bs", "B"))),
                "closesAt", Instant.now().plus(Duration.ofDays(3)).toString())).json("consultationId").asString();
        api.post("/api/v1/consultations/" + consultation + "/answers", citizen, Map.of("optionId", "b"));
        api.post("/api/v1/eloge/maglaj/self-assessments", officer, Map.of("year", 2026, "principles",
                List.of(Map.of("principle", 2, "score", 64, "evidence", "Evidencija odgovora"))));
    }

    /** Until every projection reports itself rebuilt: running, caught up and at the head of the event store. */
    static void awaitCaughtUp(Api api, String admin) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                last[0] = api.get("/api/v1/admin/projections", admin).body();
                return last[0].size() > 0 && last[0].valueStream().allMatch(p -> p.get("rebuilt").asBoolean());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("projections did not catch up: " + last[0], e);
        }
    }

    /**
     * SHA-256 of each read model's documents (the generation readers use) in _id order, keys sorted, without the
     * count of times each was written: equal digests, equal read models.
     */
    static Map<String, String> digests(RunningSystem system) throws Exception {
        org.civicledger.query.readmodel.DocumentStore readStore = system.bean(org.civicledger.query.readmodel.DocumentStore.class);
        org.civicledger.query.readmodel.Generation current = system.bean(org.civicledger.query.readmodel.ReadModels.class)
                .current();
        Map<String, String> digests = new TreeMap<>();
        for (String name : readStore.collections()) {
            if (!current.owns(name)) {
                continue;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Document> documents = new ArrayList<>();
            readStore.forEach(name, documents::add);
            documents.sort(java.util.Comparator.comparing(document -> document.getString("_id")));
            for (Document document : documents) {
                document.remove(org.civicledger.query.readmodel.DocumentStore.REVISION);
                sha.update(canonical(document).toString().getBytes(StandardCharsets.UTF_8));
            }
            digests.put(name.substring(name.indexOf('_') + 1), documents.size() + ":" + HexFormat.of().formatHex(sha.digest()));
        }
        return digests;
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RebuildEndToEndTest::canonical).toList();
        }
        return value;
    }
}
