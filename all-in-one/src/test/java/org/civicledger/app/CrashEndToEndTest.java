package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the whole system during a storm of ideas and votes. The clients keep a ledger of
 * what was acknowledged (201); after a restart on the same stores every acknowledged write is there
 * exactly once — as one event in the store and in the read models — and the system takes writes again.
 */
class CrashEndToEndTest {

    private static final int CLIENTS = 8;

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringAStormExactlyOnce() throws Exception {
        TestStores stores = TestStores.fresh();
        int port = FreePorts.any();
        Process app = SystemProcess.start(stores, port,
                "--civic.http.writes-per-person-per-minute=1000000"); // eight authors writing flat out
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> api.get("/actuator/health").status() == 200);

        List<String> ideas = new CopyOnWriteArrayList<>();
        Set<String> votes = ConcurrentHashMap.newKeySet(); // ideaId + " " + voter
        AtomicInteger attempted = new AtomicInteger();
        AtomicBoolean storming = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                String citizen = api.token("author-" + client, "CITIZEN");
                for (int n = 0; storming.get(); n++) {
                    try {
                        attempted.incrementAndGet();
                        if (n % 4 == 0 || ideas.isEmpty()) {
                            Api.Reply reply = api.post("/api/v1/ideas", citizen, IdeaLoopEndToEndTest.idea("mostar"));
                            if (reply.status() == 201) {
                                ideas.add(reply.json("ideaId").asString());
                            }
                        } else {
                            String idea = ideas.get(n % ideas.size());
                            String voter = "voter-" + client + "-" + n;
                            if (api.post("/api/v1/ideas/" + idea + "/votes", api.token(voter, "CITIZEN"), Map.of()).status() == 201) {
                                votes.add(idea + " " + voter);
                            }
                        }
                    } catch (RuntimeException refusedOrCut) {
                        // the connection was cut by the kill: not acknowledged, so not in the ledger
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ideas.size() + votes.size() >= 150);

        app.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        app.waitFor(30, TimeUnit.SECONDS);
        storming.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        try (RunningSystem again = RunningSystem.start(stores)) {
            for (String idea : ideas) {
                assertThat(StoredEvents.of(again, "idea-" + idea, "IdeaSubmitted")).as(idea).isEqualTo(1);
            }
            for (String vote : votes) {
                String[] ballot = vote.split(" "); // a ballot's stream is named by the idea and the voter's pseudonym in it
                assertThat(StoredEvents.of(again, Journeys.ballotStream(again, ballot[0], ballot[1]), "VoteCast"))
                        .as(vote).isEqualTo(1);
            }
            // in the read models too, counted once: an idea's votes are exactly the vote events on record for it
            List<org.axonframework.eventhandling.DomainEventMessage<?>> stored = StoredEvents.all(again);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String idea : ideas) {
                    long recorded = stored.stream().filter(StoredEvents.in("ballot-" + idea + "-", "VoteCast")).count();
                    Api.Reply read = again.api.get("/api/v1/ideas/" + idea);
                    assertThat(read.status()).isEqualTo(200);
                    assertThat(Journeys.countedVotes(again, idea)).as(idea).isEqualTo(recorded);
                }
            });
            assertThat(again.api.post("/api/v1/ideas", again.api.token("after", "CITIZEN"),
                    IdeaLoopEndToEndTest.idea("mostar")).status()).isEqualTo(201);
            System.out.printf("crash: %,d writes attempted, %,d ideas and %,d votes acknowledged, all found once%n",
                    attempted.get(), ideas.size(), votes.size());
        }
    }
}
