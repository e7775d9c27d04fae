package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A projection failing on an event parks it, visibly; the other events flow on; a retry after the fix catches up. */
class DeadLetterEndToEndTest {

    @Test
    void aPoisonedEventIsParkedTheRestFlowsAndARetryDeliversIt() {
        PoisonedProjection.FIXED.set(false);
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--civic.test.poison-title=POISON")) {
            Api api = system.api;
            String admin = api.token("admin", "ADMIN");
            String citizen = api.token("citizen-p", "CITIZEN");
            Map<String, Object> poisoned = IdeaLoopEndToEndTest.idea("mostar");
            poisoned.put("title", "Ideja s POISON u naslovu");
            String poisonedId = api.post("/api/v1/ideas", citizen, poisoned).json("ideaId").asString();
            String healthyId = Journeys.submittedIdea(api, citizen, "mostar");

            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/ideas/" + healthyId).status() == 200);
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/admin/dead-letters", admin).body()
                    .get("total").asInt() == 1);
            JsonNode letter = api.get("/api/v1/admin/dead-letters", admin).body().at("/letters/0");
            assertThat(letter.get("projection").asString()).isEqualTo("read-models");
            assertThat(letter.get("eventType").asString()).isEqualTo("IdeaSubmitted");
            assertThat(letter.get("aggregateId").asString()).isEqualTo("idea-" + poisonedId);
            assertThat(letter.get("causeMessage").asString()).contains("a defect in a projection");

            PoisonedProjection.FIXED.set(true);
            JsonNode retried = api.post("/api/v1/admin/dead-letters/read-models/retry", admin, Map.of()).body();

            assertThat(retried.get("cleared").asLong()).isEqualTo(1);
            assertThat(api.get("/api/v1/admin/dead-letters", admin).body().get("total").asInt()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/ideas/" + poisonedId).status() == 200);
        } finally {
            PoisonedProjection.FIXED.set(false);
        }
    }
}
