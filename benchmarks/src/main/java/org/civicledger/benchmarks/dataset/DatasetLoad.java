package org.civicledger.benchmarks.dataset;

import java.util.Locale;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.civicledger.benchmarks.Options;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a {@link DatasetPlan} through the real command path — the command gateway, the aggregates and
 * their rules, the event store — into a running system, with progress as it goes.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am -DskipTests -Dskip.simulator=true package exec:java
 * -Dbenchmark=org.civicledger.benchmarks.dataset.DatasetLoad -Dexec.args="--events 10000 --municipalities 12 --seed 1 --threads 8"}
 */
public final class DatasetLoad {

    /** What a load did: commands sent, events the plan promised, events stored, seconds taken. */
    public record Loaded(int commands, long planned, long stored, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        DatasetPlan.Spec spec = new DatasetPlan.Spec(Integer.parseInt(Options.of(args, "--events", "10000")),
                Integer.parseInt(Options.of(args, "--municipalities", "12")), Long.parseLong(Options.of(args, "--seed", "1")));
        int threads = Integer.parseInt(Options.of(args, "--threads", "8"));
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN")) {
            Loaded loaded = load(system, spec, threads);
            System.out.printf(Locale.ROOT, "%n| events planned | commands | events stored | time | commands/s |%n|---:|---:|---:|---:|---:|%n"
                    + "| %,d | %,d | %,d | %.1f s | %,.0f |%n", loaded.planned(), loaded.commands(), loaded.stored(),
                    loaded.seconds(), loaded.commands() / loaded.seconds());
        }
        System.exit(0);
    }

    /** Loads on one thread, in plan order. */
    public static Loaded load(RunningSystem system, DatasetPlan.Spec spec) throws InterruptedException {
        return load(system, spec, 1);
    }

    /**
     * Loads on {@code threads} threads: first everything the rest depends on (municipalities, CSOs,
     * benches), then the rest split by the stream it concerns (an idea with its votes and its way to
     * completion, a consultation with its answers, a bench's telemetry), each part in plan order, so
     * every command meets the state it was planned against and the same events are stored.
     */
    public static Loaded load(RunningSystem system, DatasetPlan.Spec spec, int threads) throws InterruptedException {
        DatasetPlan.Plan plan = DatasetPlan.of(spec);
        CommandGateway commands = system.bean(CommandGateway.class);
        JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Consumer<Object> send = command -> {
            commands.sendAndWait(command);
            int n = sent.incrementAndGet();
            if (n % 5_000 == 0) {
                System.out.printf(Locale.ROOT, "%,d of %,d commands (%.0f/s)%n", n, plan.commands().size(),
                        n / ((System.nanoTime() - start) / 1e9));
            }
        };
        java.util.Map<Object, java.util.List<Object>> parts = new java.util.LinkedHashMap<>();
        for (Object command : plan.commands()) {
            Object key = DatasetPlan.partOf(command);
            if (key == null) {
                send.accept(command); // what the others depend on, in order, before any of them
            } else {
                parts.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(command);
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (java.util.List<Object> part : parts.values()) {
            done.add(pool.submit(() -> part.forEach(send)));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> part : done) {
            try {
                part.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a planned command was refused", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class) - before;
        return new Loaded(sent.get(), plan.events(), stored, seconds);
    }

    private DatasetLoad() {
    }
}
