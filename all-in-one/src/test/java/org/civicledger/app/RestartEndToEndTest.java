package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stop and start again on the same stores: the idea is still there, no municipality is registered twice. */
class RestartEndToEndTest {

    @Test
    void ideasSurviveARestartAndSeedingIsIdempotent() {
        TestStores stores = TestStores.fresh();
        String ideaId;
        JsonNode before;
        try (RunningSystem first = RunningSystem.start(stores)) {
            String token = first.api.token("citizen-dragana", "CITIZEN");
            ideaId = first.api.post("/api/v1/ideas", token, IdeaLoopEndToEndTest.idea("prijedor")).json("ideaId").asString();
            await().atMost(Duration.ofSeconds(10)).until(() -> first.api.get("/api/v1/ideas/" + ideaId).status() == 200);
            before = first.api.get("/api/v1/ideas/" + ideaId).body();
            assertThat(municipalityEvents(first)).isEqualTo(12);
        }

        try (RunningSystem second = RunningSystem.start(stores)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.api.get("/api/v1/ideas/" + ideaId).status() == 200);
            assertThat(second.api.get("/api/v1/ideas/" + ideaId).body()).isEqualTo(before);
            assertThat(Journeys.withheld(second.api.get("/api/v1/municipalities/prijedor/dashboard").body(), "/ideas/total"))
                    .as("one idea: fewer than five").isEqualTo("FEWER_THAN_FIVE");
            assertThat(Journeys.readModel(second, org.civicledger.query.idea.IdeaProjection.IDEAS)).hasSize(1);
            assertThat(municipalityEvents(second)).isEqualTo(12);
            assertThat(second.api.get("/api/v1/municipalities").body().size()).isEqualTo(12);
        }
    }

    private static long municipalityEvents(RunningSystem system) {
        return StoredEvents.count(system, StoredEvents.in("", "MunicipalityRegistered"));
    }
}
