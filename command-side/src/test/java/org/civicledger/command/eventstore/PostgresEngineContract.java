package org.civicledger.command.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The contract on PostgreSQL: Axon's JDBC engine as the system builds it, on a schema of its own, dropped afterwards. */
abstract class PostgresEngineContract extends EventStorageEngineContract {

    private HikariDataSource pool;
    private TransactionManager transactions;
    private String schema;

    /** The JDBC URL and user of the server to run on (started by the subclass if need be). */
    protected abstract String[] urlAndUser() throws Exception;

    @Override
    protected EventStorageEngine engine() throws Exception {
        String[] server = urlAndUser();
        schema = "contract_" + Long.toHexString(System.nanoTime());
        pool = new HikariDataSource();
        pool.setPoolName("contract-" + schema);
        pool.setJdbcUrl(server[0]);
        pool.setUsername(server[1]);
        pool.setSchema(schema);
        pool.setMaximumPoolSize(10);
        EventStoreConfiguration.migrate(pool, schema);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
        return EventStoreConfiguration.jdbcEngine(
                new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(pool)), transactions,
                SERIALIZER, SERIALIZER, UPCASTERS);
    }

    /** The prefix read is an index range scan (migration V6), not a walk through every event. */
    @org.junit.jupiter.api.Test
    void aPrefixReadIsServedByAnIndex() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off"); // on a small table the planner would rather read it all
            try (var rows = statement.executeQuery("explain select * from domain_event_entry"
                    + " where aggregate_identifier like 'ballot-x-%'")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(plan.toString()).containsPattern("Index Cond: .*aggregate_identifier");
    }

    @Override
    protected TransactionManager transactions() {
        return transactions;
    }

    @Override
    protected void release() throws Exception {
        if (pool != null) {
            try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                statement.execute("drop schema " + schema + " cascade"); // a shared server keeps no test's events
            }
            pool.close();
        }
    }
}
