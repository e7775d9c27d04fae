package org.civicledger.command.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.civicledger.command.eventstore.EmbeddedPostgresServer;
import org.civicledger.command.eventstore.EventStoreConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bench watches' store on real PostgreSQL, as two instances use it: one handling a watch's deadline,
 * the other the watch's events. Each loads, changes and stores the watch in a transaction of its own.
 */
class BenchWatchStoreTest {

    private static final String WATCH = "watch-of-bench-maglaj-1";
    private static final Set<AssociationValue> BENCH = Set.of(new AssociationValue("benchId", "bench-maglaj-1"));

    /** A stand-in for a watch: how often the bench was heard. */
    static final class Heard {
        int times;
    }

    private EmbeddedPostgresServer server;
    private HikariDataSource pool;
    private JdbcSagaStore watches;
    private TransactionTemplate transaction;

    @BeforeEach
    void setUp() throws Exception {
        server = EmbeddedPostgresServer.start(Files.createTempDirectory("civic-watch-pg-"), 0);
        pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername("postgres");
        pool.setSchema("watches");
        EventStoreConfiguration.migrate(pool, "watches");
        watches = BenchWatchConfiguration.watches(new SpringDataSourceConnectionProvider(pool));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    @AfterEach
    void tearDown() throws Exception {
        pool.close();
        server.close();
    }

    @Test
    void anInstanceLoadingAWatchAnotherIsChangingWaitsForThatChange() throws Exception {
        transaction.executeWithoutResult(t -> watches.insertSaga(Heard.class, WATCH, new Heard(), BENCH));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstLoaded = new CountDownLatch(1);

            Future<Integer> first = instances.submit(() -> heardOnceMore(() -> {
                firstLoaded.countDown();
                Thread.sleep(500); // the second instance asks for the watch meanwhile
            }));
            assertThat(firstLoaded.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = instances.submit(() -> heardOnceMore(() -> { }));

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(30, TimeUnit.SECONDS)).as("the second instance saw the first one's change").isEqualTo(2);
            Integer stored = transaction.execute(t -> watches.loadSaga(Heard.class, WATCH).saga().times);
            assertThat(stored).isEqualTo(2);
        } finally {
            instances.shutdownNow();
        }
    }

    private interface Pause {
        void meanwhile() throws InterruptedException;
    }

    /** Loads the watch, counts one more hearing and stores it, in one transaction; answers the count stored. */
    private int heardOnceMore(Pause pause) {
        return transaction.execute(t -> {
            Heard watch = watches.loadSaga(Heard.class, WATCH).saga();
            try {
                pause.meanwhile();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            watch.times++;
            watches.updateSaga(Heard.class, WATCH, watch, new AssociationValuesImpl(BENCH));
            return watch.times;
        });
    }
}
