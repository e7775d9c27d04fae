package org.civicledger.benchmarks.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset is the same for the same seed, every command of it is accepted by the real system, and the bulk
 * path stores exactly the events the command path stores.
 */
class DatasetTest {

    /** The plan's bench reports are dated months ago: no bench is to be recorded silent while the test compares. */
    private static final String[] QUIET_BENCHES = {"--logging.level.root=WARN", "--civic.bench.silent-after=P3650D"};

    @Test
    void theSameSeedPlansTheSameHistoryAndAnotherSeedAnother() {
        DatasetPlan.Plan first = DatasetPlan.of(new DatasetPlan.Spec(2_000, 143, 7));
        DatasetPlan.Plan again = DatasetPlan.of(new DatasetPlan.Spec(2_000, 143, 7));
        DatasetPlan.Plan other = DatasetPlan.of(new DatasetPlan.Spec(2_000, 143, 8));

        assertThat(again.commands()).isEqualTo(first.commands());
        assertThat(other.commands()).isNotEqualTo(first.commands());
        assertThat(first.events()).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void everyPlannedCommandIsAcceptedAndTheBulkPathStoresTheSameEvents() throws Exception {
        DatasetPlan.Spec spec = new DatasetPlan.Spec(800, 143, 3);
        List<String> byCommands;
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), QUIET_BENCHES)) {
            // on four threads: each idea, consultation and bench in plan order, the rest side by side
            DatasetLoad.Loaded loaded = DatasetLoad.load(system, spec, 4);

            assertThat(loaded.stored()).isEqualTo(loaded.planned());
            byCommands = storedEvents(system);
        }
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), QUIET_BENCHES)) {
            DatasetLoad.Loaded loaded = DatasetBulkLoad.load(system, spec, Duration.ofMinutes(1));

            assertThat(loaded.stored()).isEqualTo(loaded.planned());
            assertThat(storedEvents(system)).hasSize(byCommands.size()).containsExactlyElementsOf(byCommands);
        }
    }

    /** Every stored event as stream, place, types and payload (as JSON, keys sorted), ordered by stream and place. */
    private static List<String> storedEvents(RunningSystem system) {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        return new JdbcTemplate(system.bean(DataSource.class)).query("select aggregate_identifier, sequence_number, type, "
                        + "payload_type, payload_revision, payload from domain_event_entry order by aggregate_identifier, sequence_number",
                (rs, row) -> String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getString(5)),
                        json.writeValueAsString(json.readValue(rs.getBytes(6), java.util.TreeMap.class))));
    }
}
