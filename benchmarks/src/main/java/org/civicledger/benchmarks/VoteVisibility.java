package org.civicledger.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicledger.app.Api;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;

/**
 * How soon a crowd's votes show on their idea: {@code --people} citizens vote for one new idea,
 * {@code --at-once} at a time, and the idea is read every few milliseconds until it shows them all. Reported
 * per round (a new idea each): the time until every vote was acknowledged ({@code 201}), and how long after
 * the last acknowledgement the idea showed the full count. Baseline in the same run: how long after its
 * {@code 201} a lone vote shows, on an idle system (the floor set by the projections' polling), median of
 * {@code --lone} votes.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am -DskipTests -Dskip.simulator=true package exec:java
 * -Dbenchmark=org.civicledger.benchmarks.VoteVisibility -Dexec.args="--people 200 --at-once 16 --rounds 5 --lone 20"}
 */
public final class VoteVisibility {

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(Options.of(args, "--people", "200"));
        int atOnce = Integer.parseInt(Options.of(args, "--at-once", "16"));
        int rounds = Integer.parseInt(Options.of(args, "--rounds", "5"));
        int lone = Integer.parseInt(Options.of(args, "--lone", "20"));
        List<String> rows = run(people, atOnce, rounds, lone);
        System.out.println();
        System.out.println("| round | votes | all acknowledged after | all shown after the last 201 | lone vote shown after its 201 (median) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** Runs the lone votes, then the rounds; answers the table's rows. */
    static List<String> run(int people, int atOnce, int rounds, int lone) throws Exception {
        List<String> rows = new ArrayList<>();
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN",
                "--civic.http.writes-per-person-per-minute=1000000")) { // every token of the crowd asked for by one client
            Api api = system.api;
            String author = api.token("visibility-author", "CITIZEN");
            double baseline = loneVoteShownAfter(api, author, lone);
            ExecutorService pool = Executors.newFixedThreadPool(atOnce);
            try {
                for (int round = 1; round <= rounds; round++) {
                    String idea = idea(api, author, round);
                    List<String> voters = new ArrayList<>();
                    for (int i = 0; i < people; i++) {
                        voters.add(api.token("crowd-" + round + "-" + i, "CITIZEN"));
                    }
                    long start = System.nanoTime();
                    List<Callable<Integer>> votes = voters.stream()
                            .map(voter -> (Callable<Integer>) () -> api.post("/api/v1/ideas/" + idea + "/votes", voter, Map.of()).status())
                            .toList();
                    int acknowledged = 0;
                    for (Future<Integer> answer : pool.invokeAll(votes)) {
                        acknowledged += answer.get() == 201 ? 1 : 0;
                    }
                    long lastAcknowledged = System.nanoTime();
                    long shown = shownAt(api, idea, acknowledged);
                    rows.add(String.format(Locale.ROOT, "| %d | %d of %d acknowledged | %.0f ms | %.0f ms | %.0f ms |", round,
                            acknowledged, people, (lastAcknowledged - start) / 1e6, (shown - lastAcknowledged) / 1e6, baseline));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return rows;
    }

    /** The median time from a lone vote's 201 until its idea shows it, each on an idea of its own. */
    private static double loneVoteShownAfter(Api api, String author, int votes) throws Exception {
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < votes; i++) {
            String idea = idea(api, author, -i);
            String voter = api.token("lone-" + i, "CITIZEN");
            if (api.post("/api/v1/ideas/" + idea + "/votes", voter, Map.of()).status() != 201) {
                throw new IllegalStateException("a lone vote was refused");
            }
            long acknowledged = System.nanoTime();
            delays.add((shownAt(api, idea, 1) - acknowledged) / 1e6);
        }
        delays.sort(Double::compare);
        return delays.get(delays.size() / 2);
    }

    private static String idea(Api api, String author, int round) {
        return api.post("/api/v1/ideas", author, Map.of("municipalityId", "mostar", "topic", "parks",
                "title", "Klupe u parku, krug " + round, "description", "Više klupa kod igrališta.",
                "language", "bs")).json("ideaId").asString();
    }

    /**
     * Reads the idea every 5 ms until it shows {@code votes} (for 1 to 4, which the page withholds: until it
     * withholds them as a small count); answers when (System.nanoTime). Gives up after 60 s.
     */
    private static long shownAt(Api api, String idea, long votes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            tools.jackson.databind.JsonNode page = api.get("/api/v1/ideas/" + idea).body();
            boolean shown = votes >= 1 && votes <= 4
                    ? "SMALL".equals(page.at("/disclosure/withheld/~1votes~1identified").asString(""))
                    : page.at("/votes/identified").asLong() == votes;
            if (shown) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the idea did not show " + votes + " votes within 60 s");
    }
}
