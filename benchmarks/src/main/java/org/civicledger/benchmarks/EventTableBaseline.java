package org.civicledger.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The baseline for reading events: a sequential read of the events table with each payload decoded as JSON. */
final class EventTableBaseline {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventTableBaseline() {
    }

    /** Events read and decoded per second. */
    static double readAndDecode(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        long[] decoded = {0};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select payload from domain_event_entry order by global_index");
            statement.setFetchSize(1000);
            connection.setAutoCommit(false);
            return statement;
        }, rs -> {
            JSON.readTree(rs.getBytes(1));
            decoded[0]++;
        });
        return decoded[0] / ((System.nanoTime() - start) / 1e9);
    }
}
