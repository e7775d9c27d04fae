package org.civicledger.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.civicledger.app.FreePorts;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.civicledger.benchmarks.dataset.DatasetBulkLoad;
import org.civicledger.benchmarks.dataset.DatasetLoad;
import org.civicledger.benchmarks.dataset.DatasetPlan;
import org.civicledger.domain.idea.SubmitIdea;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system at a size: a dataset of {@code --events} written by the bulk path, then the default
 * run ({@code civic-ledger-exec.jar}, its own process, as a newcomer starts it) started on that event
 * store with a fresh read store. Measures the time to ready (HTTP up; every projection caught up) and
 * resident memory, the rebuild rate that start-up is, then idea and dashboard reads with
 * {@code --readers} concurrent readers against a plain {@code find} by {@code _id} on the same read store.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am -DskipTests -Dskip.simulator=true package exec:java
 * -Dbenchmark=org.civicledger.benchmarks.AtScale -Dexec.args="--events 100000 --municipalities 143"}; options
 * {@code --readers 100 --read-seconds 15} (0: no reads), {@code --dashboard-readers} (as many as readers), {@code --jvm-options '-Xmx1g ...'} for the started
 * system (none: the JVM's defaults, as the README's run), {@code --app-args '--name=value ...'} for its settings, {@code --reuse <data-dir>} to start on a dataset an
 * earlier run wrote (its path is printed) instead of writing a new one.
 */
public final class AtScale {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error failed) { // the system it started keeps the JVM alive: say why, and end
            failed.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        DatasetPlan.Spec spec = new DatasetPlan.Spec(Integer.parseInt(Options.of(args, "--events", "100000")),
                Integer.parseInt(Options.of(args, "--municipalities", "143")), Long.parseLong(Options.of(args, "--seed", "1")));
        int readers = Integer.parseInt(Options.of(args, "--readers", "100"));
        int readSeconds = Integer.parseInt(Options.of(args, "--read-seconds", "15"));
        Path jar = Path.of(Options.of(args, "--jar", "all-in-one/target/civic-ledger-exec.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no runnable jar at " + jar + " (./mvnw -pl all-in-one -am package -DskipTests)");
        }

        String reuse = Options.of(args, "--reuse", "");
        TestStores stores = reuse.isBlank() ? TestStores.fresh() : TestStores.at(Path.of(reuse));
        long events;
        double baseline;
        // the plan's bench reports are months old: the loader records no bench silent meanwhile
        // the loading system's own read models are not what is timed (they are dropped before the timed start)
        try (RunningSystem system = RunningSystem.startUnready(stores, "--logging.level.root=WARN", "--civic.bench.silent-after=P3650D")) {
            if (reuse.isBlank()) {
                DatasetLoad.Loaded loaded = DatasetBulkLoad.load(system, spec, DatasetBulkLoad.yearFor(spec.events()));
                System.out.printf(Locale.ROOT, "bulk path: %,d events in %.1f s (%,.0f/s); data in %s%n", loaded.stored(),
                        loaded.seconds(), loaded.stored() / loaded.seconds(), stores.dataDirectory());
            }
            JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
            events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            baseline = EventTableBaseline.readAndDecode(jdbc);
            waitForTransparencyLog(jdbc, events);
            waitForBenchWatch(system);
        }

        List<String> command = new java.util.ArrayList<>(List.of("java"));
        String jvmOptions = Options.of(args, "--jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split(" +")));
        }
        int port = FreePorts.any();
        command.addAll(List.of("-jar", jar.toString(), "--civic.data-dir=" + stores.dataDirectory(),
                "--server.port=" + port, "--civic.bench.mqtt.host=127.0.0.1", "--civic.bench.mqtt.port=0")); // bound by the system: no race with the HTTP port
        String appArguments = Options.of(args, "--app-args", "").strip();
        if (!appArguments.isEmpty()) {
            command.addAll(List.of(appArguments.split(" +")));
        }
        System.out.println("starting: " + String.join(" ", command));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        System.out.printf(Locale.ROOT, "%n| events | start | HTTP up | ready (all projections caught up) | rebuild at start-up | "
                + "baseline (read + JSON decode) | ratio | RSS at ready | peak RSS |%n|---:|---|---:|---:|---:|---:|---:|---:|---:|%n");

        freshReadStore(stores.dataDirectory());
        Started fresh = Started.start(command, http, base);
        try {
            fresh.report("fresh read store", events, baseline);
            if (readSeconds > 0) {
                readAtScale(spec, readers, Integer.parseInt(Options.of(args, "--dashboard-readers", String.valueOf(readers))),
                        readSeconds, http, base, fresh.log());
            }
        } finally {
            fresh.stop();
        }
        Started again = Started.start(command, http, base);
        again.stop();
        again.report("again, read store kept", events, baseline);
        System.exit(0);
    }

    /** The system started as its own process, timed to HTTP up and to every projection caught up. */
    private record Started(Process app, Path log, double httpUp, double ready, long rssKiB, long peakKiB) {

        static Started start(List<String> command, HttpClient http, String base) throws Exception {
            Path log = Files.createTempFile("civic-ledger-at-scale-", ".log");
            Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long started = System.nanoTime();
            String token = null;
            while (token == null) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the system stopped; see " + log);
                }
                token = adminToken(http, base);
                if (token == null) {
                    Thread.sleep(100);
                }
            }
            double httpUp = (System.nanoTime() - started) / 1e9;
            long peak = 0;
            long lastReport = System.nanoTime();
            while (!caughtUp(http, base)) {
                peak = Math.max(peak, residentKiB(app.pid()));
                if (System.nanoTime() - lastReport > 10e9) {
                    System.out.printf(Locale.ROOT, "  %.0f s: RSS %,d MiB, projections catching up%n",
                            (System.nanoTime() - started) / 1e9, residentKiB(app.pid()) / 1024);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(200);
            }
            double ready = (System.nanoTime() - started) / 1e9;
            return new Started(app, log, httpUp, ready, residentKiB(app.pid()), Math.max(peak, AtScale.peakKiB(app.pid())));
        }

        void report(String what, long events, double baseline) {
            double rebuilt = events / (ready - httpUp);
            System.out.printf(Locale.ROOT, "| %,d | %s | %.1f s | %.1f s | %s | %,.0f /s | %s | %,d MiB | %,d MiB |%n",
                    events, what, httpUp, ready, ready - httpUp < 1 ? "—" : String.format(Locale.ROOT, "%,.0f events/s", rebuilt),
                    baseline, ready - httpUp < 1 ? "—" : String.format(Locale.ROOT, "%.2f", rebuilt / baseline),
                    rssKiB / 1024, peakKiB / 1024);
        }

        void stop() throws InterruptedException {
            app.destroy();
            app.waitFor();
        }
    }

    private static void readAtScale(DatasetPlan.Spec spec, int readers, int dashboardReaders, int readSeconds,
                                    HttpClient http, String base, Path log) throws Exception {
        List<String> ideas = DatasetPlan.of(spec).commands().stream().filter(SubmitIdea.class::isInstance)
                .map(c -> ((SubmitIdea) c).ideaId().value().toString()).toList();
        List<String> municipalities = DatasetPlan.municipalities(spec.municipalities());
        java.time.Instant now = java.time.Instant.now();
        String window = "?from=" + now.minus(Duration.ofDays(200)) + "&to=" + now.minus(Duration.ofDays(20));
        IntFunction<Boolean> dashboard = i -> get(http, base + "/api/v1/municipalities/"
                + municipalities.get(i % municipalities.size()) + "/dashboard");
        IntFunction<Boolean> dashboardInWindow = i -> get(http, base + "/api/v1/municipalities/"
                + municipalities.get(i % municipalities.size()) + "/dashboard" + window);
        {
            // the same reads, unreported, until the JIT has compiled their paths: a cold server is not what is compared
            for (IntFunction<Boolean> read : List.<IntFunction<Boolean>>of(i -> get(http, base + "/actuator/health"),
                    i -> get(http, base + "/api/v1/ideas/" + ideas.get(i % ideas.size())), dashboard, dashboardInWindow,
                    i -> get(http, base + "/api/v1/dashboard"))) {
                warm(readers, 4, read);
            }
            System.out.printf(Locale.ROOT, "| read (%d readers, %d s each) | reads | reads/s | p50 | p99 | reads/s ÷ health's | p99 ÷ health's |%n"
                    + "|---|---:|---:|---:|---:|---:|---:|%n", readers, readSeconds);
            Measured health = report("baseline: GET /actuator/health", readers, readSeconds,
                    i -> get(http, base + "/actuator/health"), null);
            report("GET /api/v1/ideas/{id}", readers, readSeconds,
                    i -> get(http, base + "/api/v1/ideas/" + ideas.get(i % ideas.size())), health);
            report("GET /api/v1/ideas/{id} (the 10 most voted)", readers, readSeconds,
                    i -> get(http, base + "/api/v1/ideas/" + ideas.get(i % 10)), health);
            report("GET /api/v1/municipalities/{id}/dashboard, one reader", 1, readSeconds, dashboard, null);
            Measured healthAlso = report("baseline again: GET /actuator/health", dashboardReaders, readSeconds,
                    i -> get(http, base + "/actuator/health"), null);
            report("GET /api/v1/municipalities/{id}/dashboard", dashboardReaders, readSeconds, dashboard, healthAlso);
            report("GET /api/v1/municipalities/{id}/dashboard?from&to (180 days)", dashboardReaders, readSeconds,
                    dashboardInWindow, healthAlso);
            report("GET /api/v1/dashboard (the network)", dashboardReaders, readSeconds,
                    i -> get(http, base + "/api/v1/dashboard"), healthAlso);
        }
    }

    private static void warm(int readers, int seconds, IntFunction<Boolean> read) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new java.util.ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread thread = new Thread(() -> {
                Random random = new Random(-reader);
                while (System.nanoTime() < end) {
                    read.apply(random.nextInt(1 << 30));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Reads per second and the 99th percentile of one read's time. */
    private record Measured(double perSecond, double p99Millis) {
    }

    /** Removes the embedded read store's file (the loader's projections wrote it): the system starts on a fresh one. */
    private static void freshReadStore(Path dataDirectory) throws IOException {
        Path readStore = dataDirectory.resolve("read-store");
        if (Files.isDirectory(readStore)) {
            try (var files = Files.walk(readStore)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The log is part of the system as it restarts: it is kept in the event store, not rebuilt. */
    private static void waitForTransparencyLog(JdbcTemplate jdbc, long events) throws InterruptedException {
        long last = System.nanoTime();
        long logged;
        while ((logged = jdbc.queryForObject("select count(*) from transparency_entry", Long.class)) < events) {
            if (System.nanoTime() - last > 10e9) {
                System.out.printf(Locale.ROOT, "  transparency log: %,d of %,d entries%n", logged, events);
                last = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    /**
     * The bench watches follow every event as it is stored; the bulk path stores faster than they follow. A running
     * system is caught up with them, so the run it is timed against starts that way too.
     */
    private static void waitForBenchWatch(RunningSystem system) throws InterruptedException {
        org.axonframework.eventhandling.StreamingEventProcessor watch = system
                .bean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor("BenchWatchProcessor", org.axonframework.eventhandling.StreamingEventProcessor.class)
                .orElseThrow();
        long head = system.bean(org.axonframework.eventsourcing.eventstore.EventStore.class).createHeadToken()
                .position().orElse(0);
        long last = System.nanoTime();
        while (watch.processingStatus().values().stream()
                .anyMatch(status -> status.getCurrentPosition().orElse(-1) < head)) {
            if (System.nanoTime() - last > 10e9) {
                System.out.printf(Locale.ROOT, "  bench watches: at %s of %,d%n", watch.processingStatus().values().stream()
                        .map(s -> String.valueOf(s.getCurrentPosition().orElse(-1))).toList(), head);
                last = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    private static String adminToken(HttpClient http, String base) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"at-scale\",\"roles\":[\"ADMIN\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return reply.statusCode() == 201 || reply.statusCode() == 200 ? JSON.readTree(reply.body()).get("token").asString() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Ready as the system says it: its readiness probe (every read model caught up) answers UP. */
    private static boolean caughtUp(HttpClient http, String base) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return reply.statusCode() == 200 && "UP".equals(JSON.readTree(reply.body()).path("status").asString());
    }

    private static boolean get(HttpClient http, String uri) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code readers} threads each reading as fast as answers come for {@code seconds}; errors are counted apart. */
    private static Measured report(String what, int readers, int seconds, IntFunction<Boolean> read, Measured baseline)
            throws InterruptedException {
        long[][] latencies = new long[readers][];
        int[] counts = new int[readers];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(readers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread thread = new Thread(() -> {
                Random random = new Random(reader);
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = read.apply(random.nextInt(1 << 30));
                    long took = System.nanoTime() - start;
                    if (!ok) {
                        errors.incrementAndGet();
                    } else if (n < mine.length) {
                        mine[n++] = took;
                    }
                }
                latencies[reader] = mine;
                counts[reader] = n;
                done.countDown();
            });
            thread.start();
        }
        done.await();
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int r = 0; r < readers; r++) {
            System.arraycopy(latencies[r], 0, all, at, counts[r]);
            at += counts[r];
        }
        if (total == 0) {
            System.out.printf(Locale.ROOT, "| %s | none answered within %d s (%d errors) | | | | | |%n", what, seconds, errors.get());
            return new Measured(0, Double.POSITIVE_INFINITY);
        }
        Latencies measured = new Latencies(all, total);
        Measured figures = new Measured(total / (double) seconds, measured.p99Millis());
        System.out.printf(Locale.ROOT, "| %s | %,d%s | %,.0f | %.1f ms | %.1f ms | %s | %s |%n", what, total,
                errors.get() == 0 ? "" : " (" + errors.get() + " errors)", figures.perSecond(),
                measured.medianMillis(), measured.p99Millis(),
                baseline == null ? "—" : String.format(Locale.ROOT, "%.2f", figures.perSecond() / baseline.perSecond()),
                baseline == null ? "—" : String.format(Locale.ROOT, "%.2f", figures.p99Millis() / baseline.p99Millis()));
        return figures;
    }

    private static long residentKiB(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long peakKiB(long pid) {
        return statusField(pid, "VmHWM:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }


    private AtScale() {
    }
}
