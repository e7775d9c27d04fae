package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One vote per person per idea holds under a storm of the same person's vote, fired from many
 * threads at two instances of the application that share one event store: exactly one is accepted,
 * every other answer is {@code 409}, and exactly one {@code VoteCast} is stored.
 */
class VoteConcurrencyEndToEndTest {

    private static final int THREADS_PER_INSTANCE = 12;

    @Test
    void exactlyOneOfManyConcurrentVotesOfOnePersonCounts() throws Exception {
        TestStores stores = TestStores.fresh();
        try (RunningSystem first = RunningSystem.start(stores);
             RunningSystem second = RunningSystem.start(stores, first.sharedEventStore())) {
            String token = first.api.token("citizen-in-a-hurry", "CITIZEN");
            String ideaId = first.api.post("/api/v1/ideas", token, IdeaLoopEndToEndTest.idea("zavidovici"))
                    .json("ideaId").asString();

            List<Integer> statuses = fire(ideaId, token, first.api, second.api);

            assertThat(statuses).hasSize(2 * THREADS_PER_INSTANCE);
            assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(1);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(2L * THREADS_PER_INSTANCE - 1);
            assertThat(StoredEvents.count(first, StoredEvents.in("ballot-" + ideaId + "-", "VoteCast"))).isEqualTo(1);
            for (RunningSystem instance : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> Journeys.countedVotes(instance, ideaId) == 1);
                assertThat(Journeys.withheld(instance.api.get("/api/v1/ideas/" + ideaId).body(), "/votes/identified"))
                        .isEqualTo("SMALL");
            }
        }
    }

    private static List<Integer> fire(String ideaId, String token, Api... instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS_PER_INSTANCE * instances.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Api instance : instances) {
                for (int i = 0; i < THREADS_PER_INSTANCE; i++) {
                    Callable<Integer> vote = () -> {
                        start.await();
                        return instance.post("/api/v1/ideas/" + ideaId + "/votes", token, Map.of()).status();
                    };
                    answers.add(pool.submit(vote));
                }
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
