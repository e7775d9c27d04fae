package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A crowd votes for one idea at once: 200 people, 16 at a time. Their transactions commit out of the order
 * in which they took their places in the event stream, so the projection meets the votes with gaps filled
 * in later; every acknowledged vote must still show on the idea, without a rebuild. (How soon it shows is
 * measured by the {@code VoteVisibility} benchmark, not asserted here: the bound below only keeps a lost
 * vote from waiting forever.)
 */
class CrowdVoteEndToEndTest {

    private static final int PEOPLE = 200;
    private static final int AT_ONCE = 16;

    @Test
    void everyAcknowledgedVoteOfACrowdShowsOnTheIdea() throws Exception {
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(),
                "--civic.http.writes-per-person-per-minute=1000000")) { // 200 dev tokens asked for by one client
            aCrowdVotes(system);
        }
    }

    private static void aCrowdVotes(RunningSystem system) throws Exception {
        Api api = system.api;
        String ideaId = Journeys.submittedIdea(api, api.token("crowd-author", "CITIZEN"), "mostar");
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            voters.add(api.token("crowd-voter-" + i, "CITIZEN"));
        }

        List<Integer> statuses = voteAtOnce(api, ideaId, voters);

        assertThat(statuses).hasSize(PEOPLE).containsOnly(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.get("/api/v1/ideas/" + ideaId).body().at("/votes/identified").asLong()).isEqualTo(PEOPLE));
        assertThat(StoredEvents.count(system, StoredEvents.in("ballot-" + ideaId + "-", "VoteCast"))).isEqualTo(PEOPLE);
    }

    private static List<Integer> voteAtOnce(Api api, String ideaId, List<String> voters) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Callable<Integer>> votes = voters.stream()
                    .map(voter -> (Callable<Integer>) () -> api.post("/api/v1/ideas/" + ideaId + "/votes", voter, Map.of()).status())
                    .toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(votes)) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
