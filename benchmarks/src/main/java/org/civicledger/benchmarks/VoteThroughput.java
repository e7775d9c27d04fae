package org.civicledger.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Votes per second over HTTP, end to end: {@code POST /api/v1/ideas/{id}/votes} with a citizen's token,
 * answered 201 once the vote's event is committed. For 8, 32 and 128 clients (closed loop), and at a
 * fixed offered rate (open loop). Baseline in the same run, same concurrency: raw JDBC insert-and-commit
 * of an equal row (a stored {@code VoteCast}'s columns) into a scratch copy of the event table of the
 * same PostgreSQL. A warm-up of {@code --warmup} votes (not reported) lets the JIT compile the hot paths.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am -DskipTests -Dskip.simulator=true package exec:java
 * -Dbenchmark=org.civicledger.benchmarks.VoteThroughput -Dexec.args="--warmup 4000 --votes 2000 --clients 8,32,128 --offered 500"}
 */
public final class VoteThroughput {

    private static final int IDEAS = 10;

    public static void main(String[] args) throws Exception {
        List<String> rows = run(Integer.parseInt(Options.of(args, "--warmup", "4000")),
                Integer.parseInt(Options.of(args, "--votes", "2000")),
                Arrays.stream(Options.of(args, "--clients", "8,32,128").split(",")).mapToInt(Integer::parseInt).toArray(),
                Integer.parseInt(Options.of(args, "--offered", "500")), Integer.parseInt(Options.of(args, "--seconds", "10")));
        System.out.println();
        System.out.println("| load | votes | baseline (JDBC insert+commit) | HTTP votes | ratio | p50 | p99 | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** Runs every measurement and answers the table's rows. */
    static List<String> run(int warmup, int votes, int[] clientCounts, int offered, int seconds) throws Exception {
        List<String> rows = new ArrayList<>();
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN")) {
            List<String> ideas = new ArrayList<>();
            String author = system.api.token("benchmark-author", "CITIZEN");
            for (int i = 0; i < IDEAS; i++) {
                ideas.add(system.api.post("/api/v1/ideas", author, Map.of("municipalityId", "mostar", "topic", "parks",
                        "title", "Klupe i hlad u parku " + i, "description", "Više klupa kod dječijeg igrališta.",
                        "language", "bs")).json("ideaId").asString());
            }
            JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
            jdbc.execute("create table if not exists vote_baseline (like domain_event_entry including all)");
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
            if (warmup > 0) { // the JIT compiles the hot paths first; not reported
                closedLoop(http, system.api.base(), requests(system, ideas, warmup), 16);
                baseline(system.bean(DataSource.class), 16, warmup);
            }
            for (int clients : clientCounts) {
                List<Request> requests = requests(system, ideas, votes);
                double baseline = baseline(system.bean(DataSource.class), clients, votes);
                Result result = closedLoop(http, system.api.base(), requests, clients);
                rows.add(row(clients + " clients", votes, baseline, result));
            }
            if (offered > 0) {
                List<Request> requests = requests(system, ideas, offered * seconds);
                double baseline = baseline(system.bean(DataSource.class), 32, offered * seconds);
                rows.add(row(offered + "/s offered for " + seconds + " s", offered * seconds, baseline,
                        openLoop(http, system.api.base(), requests, offered)));
            }
        }
        return rows;
    }

    private static String row(String load, int votes, double baseline, Result result) {
        return String.format(Locale.ROOT, "| %s | %,d | %,.0f /s | %,.0f /s | %.2f | %.1f ms | %.1f ms | %d |", load, votes,
                baseline, result.rate, result.rate / baseline, result.p50, result.p99, result.errors);
    }

    record Request(String ideaId, String token) {
    }

    record Result(double rate, double p50, double p99, int errors) {
    }

    /** Distinct (idea, citizen) pairs: each citizen votes once on each of the ideas. */
    private static List<Request> requests(RunningSystem system, List<String> ideas, int votes) {
        List<Request> requests = new ArrayList<>();
        String run = Long.toHexString(System.nanoTime());
        for (int person = 0; requests.size() < votes; person++) {
            String token = system.api.token("voter-" + run + "-" + person, "CITIZEN");
            for (String idea : ideas) {
                if (requests.size() < votes) {
                    requests.add(new Request(idea, token));
                }
            }
        }
        java.util.Collections.shuffle(requests, new java.util.Random(7));
        return requests;
    }

    private static HttpRequest vote(String base, Request request) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/ideas/" + request.ideaId() + "/votes"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + request.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static Result closedLoop(HttpClient http, String base, List<Request> requests, int clients) throws Exception {
        ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>(requests);
        long[] latencies = new long[requests.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                Request next;
                while ((next = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(vote(base, next), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return result(latencies, done.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Sends at a fixed rate whatever the answers take; each request's latency from its scheduled time. */
    private static Result openLoop(HttpClient http, String base, List<Request> requests, int perSecond) throws Exception {
        long[] latencies = new long[requests.size()];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(requests.size());
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            http.sendAsync(vote(base, requests.get(i)), HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
                if (e != null || response.statusCode() != 201) {
                    errors.incrementAndGet();
                }
                latencies[index] = System.nanoTime() - due;
                finished.countDown();
            });
        }
        finished.await(10, TimeUnit.MINUTES);
        return result(latencies, requests.size(), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static Result result(long[] latencies, int count, int errors, double seconds) {
        Latencies measured = new Latencies(latencies, count);
        return new Result(count / seconds, measured.medianMillis(), measured.p99Millis(), errors);
    }

    /** Raw JDBC: {@code clients} connections each inserting and committing one row a statement. */
    static double baseline(DataSource events, int clients, int rows) throws Exception {
        HikariDataSource system = (HikariDataSource) events;
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(system.getJdbcUrl());
            pool.setUsername(system.getUsername());
            pool.setPassword(system.getPassword());
            pool.setSchema(system.getSchema());
            pool.setMaximumPoolSize(clients);
            byte[] payload = ("{\"ideaId\":\"" + UUID.randomUUID() + "\",\"voterPseudonym\":\"" + UUID.randomUUID()
                    + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] meta = "{\"actorRoles\":\"CITIZEN\",\"traceId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicInteger remaining = new AtomicInteger(rows);
            ExecutorService threads = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(
                            "insert into vote_baseline (event_identifier, meta_data, payload, payload_revision, payload_type, "
                                    + "time_stamp, aggregate_identifier, sequence_number, type) values (?, ?, ?, '1', "
                                    + "'org.civicledger.domain.vote.VoteCast', ?, ?, 0, 'Ballot')")) {
                        connection.setAutoCommit(true);
                        while (remaining.getAndDecrement() > 0) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setBytes(2, meta);
                            insert.setBytes(3, payload);
                            insert.setString(4, Instant.now().toString());
                            insert.setString(5, "ballot-" + UUID.randomUUID());
                            insert.executeUpdate();
                        }
                    }
                    return null;
                });
            }
            threads.shutdown();
            threads.awaitTermination(30, TimeUnit.MINUTES);
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private VoteThroughput() {
    }
}
