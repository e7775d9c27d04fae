package org.civicledger.benchmarks.dataset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.civicledger.app.RunningSystem;
import org.civicledger.domain.idea.ValidationQuorum;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk path for the largest datasets: the events of a {@link DatasetPlan} ({@link DatasetEvents})
 * appended to the running system's event store in batches, through Axon's own storage engine (so the
 * same serializer, columns and revisions as the command path), one transaction per batch. The events
 * are dated from {@link DatasetPlan#BASE} onwards, a fixed step apart, so the history spans months; their
 * identifiers come from the plan's seed, so a load is the same every time.
 *
 * <p>The running system's projections and transparency log take the events in as they arrive, as they
 * would any other; a harness that wants a fresh read store restarts the system on the same event store.
 */
public final class DatasetBulkLoad {

    private static final int BATCH = 1_000;

    private DatasetBulkLoad() {
    }

    /** Appends the plan's events; returns what was planned and stored. */
    public static DatasetLoad.Loaded load(RunningSystem system, DatasetPlan.Spec spec, Duration step) {
        DatasetPlan.Plan plan = DatasetPlan.of(spec);
        List<DatasetEvents.Planned> events = DatasetEvents.of(plan.commands(), system.bean(ValidationQuorum.class),
                system.bean(org.civicledger.domain.shared.TextVault.class));
        EventStorageEngine engine = system.bean(EventStorageEngine.class);
        TransactionManager transactions = system.bean(TransactionManager.class);
        JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        java.util.Random ids = new java.util.Random(spec.seed() ^ 0x5DEECE66DL);
        long start = System.nanoTime();
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < events.size(); i++) {
            DatasetEvents.Planned event = events.get(i);
            batch.add(new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                    event.payload(), Map.of(), new UUID(ids.nextLong(), ids.nextLong()).toString(),
                    DatasetPlan.BASE.plus(step.multipliedBy(i))));
            if (batch.size() == BATCH || i == events.size() - 1) {
                List<DomainEventMessage<?>> appending = batch;
                transactions.executeInTransaction(() -> engine.appendEvents(appending));
                batch = new ArrayList<>(BATCH);
                if ((i + 1) % 100_000 < BATCH) {
                    System.out.printf(Locale.ROOT, "%,d of %,d events appended (%,.0f/s)%n", i + 1, events.size(),
                            (i + 1) / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class) - before;
        return new DatasetLoad.Loaded(plan.commands().size(), plan.events(), stored, seconds);
    }

    /** The step between events that spreads {@code events} over about a year. */
    public static Duration yearFor(long events) {
        return Duration.ofMillis(Math.max(1, Duration.ofDays(365).toMillis() / Math.max(1, events)));
    }
}
