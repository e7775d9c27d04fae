package org.civicledger.benchmarks.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
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

    /**
     * Every stored event as stream, place, types and payload (as JSON, keys sorted), ordered by stream and place;
     * each sealed text as the text it opens to (its key and nonce are random, so two stores never share them).
     */
    private static List<String> storedEvents(RunningSystem system) {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        TextVault texts = system.bean(TextVault.class);
        return new JdbcTemplate(system.bean(DataSource.class)).query("select aggregate_identifier, sequence_number, type, "
                        + "payload_type, payload_revision, payload from domain_event_entry order by aggregate_identifier, sequence_number",
                (rs, row) -> String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getString(5)),
                        json.writeValueAsString(opened(json.readValue(rs.getBytes(6), java.util.TreeMap.class), texts))));
    }

    @SuppressWarnings("unchecked")
    private static Object opened(Object value, TextVault texts) {
        if (value instanceof Map<?, ?> map) {
            if (map.keySet().equals(java.util.Set.of("key", "sealed", "digest", "plain"))) {
                Map<String, String> sealed = (Map<String, String>) map;
                return "opened: " + texts.open(new SealedText(sealed.get("key"), sealed.get("sealed"), sealed.get("digest"),
                        sealed.get("plain"))).text();
            }
            Map<Object, Object> copy = new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put(k, opened(v, texts)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> opened(v, texts)).toList();
        }
        return value;
    }
}
