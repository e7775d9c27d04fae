package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.DomainEventMessage;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.vote.VoteCast;
import org.junit.jupiter.api.Test;

/**
 * A busy day on two instances that share one event store: many people at once cast, withdraw and cast
 * again their votes, submit ideas, answer a consultation, and CSOs validate ideas — so transactions commit
 * out of the order of their places in the event stream, on both instances. Afterwards, on each instance,
 * every read model is exactly what a rebuild from zero makes of the same events (a digest of every
 * collection), and each idea shows as many votes as the event store holds ballots whose last event is a
 * {@code VoteCast}.
 */
class BusyDayEndToEndTest {

    private static final int PEOPLE_PER_INSTANCE = 8;
    private static final int ROUNDS = 12;
    private static final String MUNICIPALITY = "maglaj";

    /** What someone did that was answered otherwise than expected: nothing, on a good day. */
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();

    @Test
    void readModelsBuiltUnderLoadEqualARebuildAndCountEveryBallot() throws Exception {
        TestStores stores = TestStores.fresh();
        String busy = "--civic.http.writes-per-person-per-minute=1000000"; // the dev tokens of a crowd, from one client
        try (RunningSystem first = RunningSystem.start(stores, busy);
             RunningSystem second = RunningSystem.start(stores, first.sharedEventStore(busy))) {
            Api api = first.api;
            List<String> members = Journeys.csoMembers(api, MUNICIPALITY);
            String consultation = Journeys.openConsultation(api, MUNICIPALITY, "bs", "Gdje nova klupa?",
                    Duration.ofDays(1), Map.of("park", "U parku", "trg", "Na trgu"));
            List<String> ideas = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                ideas.add(Journeys.submittedIdea(api, api.token("busy-author-" + i, "CITIZEN"), MUNICIPALITY));
            }

            aBusyDay(List.of(first.api, second.api), ideas, members, consultation);

            assertThat(refused).as("answers other than the expected ones").isEmpty();
            Map<String, Long> counted = countedBallotsByIdea(first);
            assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isPositive();
            for (RunningSystem instance : List.of(first, second)) {
                String admin = instance.api.token("admin", "ADMIN");
                RebuildEndToEndTest.awaitCaughtUp(instance.api, admin);
                assertThat(votesShownOtherwise(instance, counted)).as("ideas showing other votes than their ballots").isEmpty();
                Map<String, String> incremental = RebuildEndToEndTest.digests(instance);

                assertThat(instance.api.post("/api/v1/admin/projections/all/rebuild", admin, Map.of()).status())
                        .isEqualTo(202);
                RebuildEndToEndTest.awaitCaughtUp(instance.api, admin);

                assertThat(RebuildEndToEndTest.digests(instance)).as("rebuilt from zero").isEqualTo(incremental);
            }
        }
    }

    /** Each person, on one instance or the other, spends a few rounds taking part; all at once. */
    private void aBusyDay(List<Api> instances, List<String> ideas, List<String> members, String consultation)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE_PER_INSTANCE * instances.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> people = new ArrayList<>();
            for (int person = 0; person < PEOPLE_PER_INSTANCE * instances.size(); person++) {
                Api api = instances.get(person % instances.size());
                int who = person;
                people.add(pool.submit(() -> {
                    start.await();
                    takePart(api, who, ideas, members, consultation);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> person : people) {
                person.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One person per round (a new citizen each round): votes for two ideas, answers the consultation, and
     * sometimes submits an idea, withdraws a vote and casts it again; some also endorse ideas for their CSO.
     */
    private void takePart(Api api, int person, List<String> ideas, List<String> members, String consultation) {
        for (int round = 0; round < ROUNDS; round++) {
            String citizen = api.token("busy-" + person + "-" + round, "CITIZEN");
            String first = ideas.get((person + round) % ideas.size());
            String second = ideas.get((3 * person + 2 * round + 1) % ideas.size());
            expect(api.post("/api/v1/ideas/" + first + "/votes", citizen, Map.of()).status(), "vote", 201);
            if (!second.equals(first)) {
                expect(api.post("/api/v1/ideas/" + second + "/votes", citizen, Map.of()).status(), "vote", 201);
            }
            expect(api.post("/api/v1/consultations/" + consultation + "/answers", citizen,
                    Map.of("optionId", round % 2 == 0 ? "park" : "trg")).status(), "answer", 201);
            if (round % 2 == 1) {
                expect(api.delete("/api/v1/ideas/" + first + "/votes", citizen).status(), "withdraw", 204);
            }
            if (round % 4 == 1) {
                expect(api.post("/api/v1/ideas/" + first + "/votes", citizen, Map.of()).status(), "vote again", 201);
            }
            if (round % 3 == 0) {
                ideas.add(Journeys.submittedIdea(api, citizen, MUNICIPALITY));
            }
            if (person < members.size() * 2) { // an endorsement a round; twice by the same CSO is refused
                expect(api.post("/api/v1/ideas/" + ideas.get(ideas.size() - 1 - round % 3) + "/validations",
                        members.get(person % members.size()), Map.of("decision", "ENDORSE", "reason", "Dobra ideja"))
                        .status(), "endorsement", 201, 409);
            }
        }
    }

    private void expect(int status, String what, Integer... expected) {
        if (!Set.of(expected).contains(status)) {
            refused.add(what + ": " + status);
        }
    }

    /** Per idea, the ballots whose last event is a {@code VoteCast}, as the event store holds them. */
    private static Map<String, Long> countedBallotsByIdea(RunningSystem system) {
        Map<String, DomainEventMessage<?>> lastOfBallot = new HashMap<>();
        Map<String, Long> counted = new TreeMap<>();
        for (DomainEventMessage<?> event : StoredEvents.all(system)) {
            if (event.getPayload() instanceof IdeaSubmitted idea) {
                counted.put(idea.ideaId(), 0L);
            } else if (event.getAggregateIdentifier().startsWith("ballot-")) {
                lastOfBallot.merge(event.getAggregateIdentifier(), event,
                        (a, b) -> a.getSequenceNumber() > b.getSequenceNumber() ? a : b);
            }
        }
        lastOfBallot.values().forEach(last -> {
            if (last.getPayload() instanceof VoteCast vote) {
                counted.merge(vote.ideaId(), 1L, Long::sum);
            }
        });
        return counted;
    }

    /**
     * The ideas whose votes differ from their ballots counted: as the read model counts them, or as the idea's
     * page shows them (the count itself, or null for 1 to 4, which the page withholds).
     */
    private static Map<String, String> votesShownOtherwise(RunningSystem instance, Map<String, Long> counted) {
        Map<String, String> wrong = new TreeMap<>();
        counted.forEach((id, ballots) -> {
            long kept = Journeys.countedVotes(instance, id);
            tools.jackson.databind.JsonNode shown = instance.api.get("/api/v1/ideas/" + id).body().at("/votes/identified");
            boolean shownRight = ballots >= 1 && ballots <= 4 ? shown.isNull() : shown.asLong() == ballots;
            if (kept != ballots || !shownRight) {
                wrong.put(id, "counts " + kept + ", shows " + shown + ", " + ballots + " ballots counted");
            }
        });
        return wrong;
    }
}
