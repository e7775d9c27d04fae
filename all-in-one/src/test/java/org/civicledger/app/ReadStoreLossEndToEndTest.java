package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read store wiped while the system runs: it notices by itself and rebuilds every read model from the events. */
class ReadStoreLossEndToEndTest extends SharedSystemTest {

    @Test
    void aWipedReadStoreIsNoticedAndRebuiltWithoutAnyNewEvent() {
        String citizen = api.token("amra", "CITIZEN");
        List<String> ideas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String idea = Journeys.submittedIdea(api, citizen, "mostar");
            ideas.add(idea);
            for (int v = 0; v <= i; v++) {
                assertThat(api.post("/api/v1/ideas/" + idea + "/votes", api.token("voter-" + v, "CITIZEN"), Map.of()).status())
                        .isEqualTo(201);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(votesOf(ideas.get(2))).isEqualTo(3));

        // read models, tracking tokens, dead letters: all gone
        org.civicledger.query.readmodel.DocumentStore readModels = system.bean(org.civicledger.query.readmodel.DocumentStore.class);
        readModels.collections().forEach(readModels::drop);
        system.bean(MongoDatabase.class).drop();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < ideas.size(); i++) {
                assertThat(votesOf(ideas.get(i))).isEqualTo(i + 1);
            }
            assertThat(api.get("/api/v1/municipalities/mostar").status()).isEqualTo(200);
        });
    }

    /** The idea's votes as its read model counts them, once the idea is back in the read store (-1 before). */
    private static long votesOf(String idea) {
        return api.get("/api/v1/ideas/" + idea).status() == 200 ? Journeys.countedVotes(system, idea) : -1;
    }
}
