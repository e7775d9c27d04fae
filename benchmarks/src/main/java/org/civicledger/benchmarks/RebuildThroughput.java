package org.civicledger.benchmarks;

import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.civicledger.benchmarks.dataset.DatasetBulkLoad;
import org.civicledger.benchmarks.dataset.DatasetPlan;
import org.civicledger.query.rebuild.ProjectionRebuilds;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilding every projection from zero, in events per second, beside the baseline of the same run: a
 * sequential read of the same events table with each payload decoded as JSON. Writes the dataset first
 * (the bulk path: the same events as the command path), waits for the read models to catch up, then
 * rebuilds them all.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am -DskipTests -Dskip.simulator=true package exec:java
 * -Dbenchmark=org.civicledger.benchmarks.RebuildThroughput -Dexec.args="--events 10000 --municipalities 143"}
 */
public final class RebuildThroughput {

    public static void main(String[] args) throws Exception {
        DatasetPlan.Spec spec = new DatasetPlan.Spec(Integer.parseInt(Options.of(args, "--events", "10000")),
                Integer.parseInt(Options.of(args, "--municipalities", "143")), Long.parseLong(Options.of(args, "--seed", "1")));
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN",
                "--civic.bench.silent-after=P3650D")) {
            DatasetBulkLoad.load(system, spec, DatasetBulkLoad.yearFor(spec.events()));
            ProjectionRebuilds rebuilds = system.bean(ProjectionRebuilds.class);
            waitUntilCaughtUp(rebuilds);
            JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

            double baseline = EventTableBaseline.readAndDecode(jdbc);

            long start = System.nanoTime();

            List<String> rebuilding = rebuilds.rebuild("all");
            waitUntilRebuilt(rebuilds);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%n| events | projections | baseline (read + JSON decode) | rebuild of all | ratio |%n"
                    + "|---:|---:|---:|---:|---:|%n| %,d | %d | %,.0f /s | %,.0f /s (%.1f s) | %.2f |%n", events,
                    rebuilding.size(), baseline, events / seconds, seconds, events / seconds / baseline);
        }
        System.exit(0);
    }

    private static void waitUntilCaughtUp(ProjectionRebuilds rebuilds) throws InterruptedException {
        while (!rebuilds.progress().stream().allMatch(ProjectionRebuilds.Progress::caughtUp)) {
            Thread.sleep(200);
        }
    }

    private static void waitUntilRebuilt(ProjectionRebuilds rebuilds) throws InterruptedException {
        long last = System.nanoTime();
        while (!rebuilds.progress().stream().allMatch(ProjectionRebuilds.Progress::rebuilt)) {
            if (System.nanoTime() - last > 10e9) {
                rebuilds.progress().forEach(p -> System.out.printf(Locale.ROOT, "  %s %.0f%%%n", p.projection(),
                        p.percent() == null ? 0.0 : p.percent()));
                last = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    private RebuildThroughput() {
    }

}
