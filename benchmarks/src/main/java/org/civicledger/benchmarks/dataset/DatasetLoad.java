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
 * -Dbenchmark=org.civicledger.benchmarks.dataset.DatasetLoad -Dexec.args="--events 10000 --municipalities 12 --seed 1"}
 */
public final class DatasetLoad {

    /** What a load did: commands sent, events the plan promised, events stored, seconds taken. */
    public record Loaded(int commands, long planned, long stored, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        DatasetPlan.Spec spec = new DatasetPlan.Spec(Integer.parseInt(Options.of(args, "--events", "10000")),
                Integer.parseInt(Options.of(args, "--municipalities", "12")), Long.parseLong(Options.of(args, "--seed", "1")));
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN")) {
            Loaded loaded = load(system, spec);
            System.out.printf(Locale.ROOT, "%n| events planned | commands | events stored | time | commands/s |%n|---:|---:|---:|---:|---:|%n"
                    + "| %,d | %,d | %,d | %.1f s | %,.0f |%n", loaded.planned(), loaded.commands(), loaded.stored(),
                    loaded.seconds(), loaded.commands() / loaded.seconds());
        }
        System.exit(0);
    }

    public static Loaded load(RunningSystem system, DatasetPlan.Spec spec) {
        DatasetPlan.Plan plan = DatasetPlan.of(spec);
        CommandGateway commands = system.bean(CommandGateway.class);
        JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long start = System.nanoTime();
        int sent = 0;
        for (Object command : plan.commands()) {
            commands.sendAndWait(command);
            if (++sent % 5_000 == 0) {
                System.out.printf(Locale.ROOT, "%,d of %,d commands (%.0f/s)%n", sent, plan.commands().size(),
                        sent / ((System.nanoTime() - start) / 1e9));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class) - before;
        return new Loaded(sent, plan.events(), stored, seconds);
    }

    private DatasetLoad() {
    }
}
