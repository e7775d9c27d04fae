package org.civicledger.command.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import org.civicledger.command.DataDirectory;
import org.civicledger.command.eventstore.kurrentdb.KurrentDbStorageEngine;
import org.civicledger.domain.shared.StreamsByPrefix;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the event store and the relational store beside it. The events: Axon's JDBC engine on PostgreSQL
 * (embedded or a server), or KurrentDB, per {@code civic.event-store}. The relational store — processor
 * tokens that commit with their writes, the transparency log, sagas, deadlines, personal-data keys —
 * is always PostgreSQL, its schema migrated by Flyway: the server at {@code civic.postgres.url}, or the
 * embedded one when no server is named.
 * Every bean Axon's JDBC auto-configuration would guess is declared here instead, so the wiring is
 * the same on every Spring Boot version.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PostgresSettings.class, KurrentDbSettings.class})
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    @Bean
    EventStoreKind eventStoreKind(@Value("${civic.event-store:embedded-postgres}") String setting) {
        return EventStoreKind.of(setting);
    }

    @Bean
    DataDirectory dataDirectory(@Value("${civic.data-dir:./data}") String path) {
        return new DataDirectory(java.nio.file.Path.of(path).toAbsolutePath().normalize());
    }

    /** Started only in the default run; stopped with the application. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(EventStoreKind kind, DataDirectory data, PostgresSettings settings,
                                           @Value("${civic.embedded-postgres.port:0}") int port) {
        return new EmbeddedPostgresHolder(kind.embedsPostgres(settings)
                ? EmbeddedPostgresServer.start(data.resolve("postgres"), port) : null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource eventStoreDataSource(EventStoreKind kind, EmbeddedPostgresHolder embedded,
                                          PostgresSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("event-store");
        if (kind.embedsPostgres(settings)) {
            pool.setJdbcUrl(embedded.server().jdbcUrl());
            pool.setUsername("postgres");
        } else {
            if (settings.url() == null || settings.url().isBlank()) {
                throw new IllegalStateException("civic.event-store=postgres needs civic.postgres.url");
            }
            pool.setJdbcUrl(settings.url());
            pool.setUsername(settings.user());
            pool.setPassword(settings.password());
        }
        pool.setSchema(settings.schema());
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setConnectionTimeout(5_000);
        pool.setInitializationFailTimeout(30_000);
        migrate(pool, settings.schema());
        return pool;
    }

    /** Creates or migrates the event store's schema (db/eventstore): the events and the tables beside them. */
    public static void migrate(DataSource dataSource, String schema) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/eventstore")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        log.info("Event store schema '{}' at version {} ({} migrations applied now)",
                schema, flyway.info().current().getVersion(), applied);
    }

    /** Revision 1 events with texts in clear read as revision 2, with their texts plain. */
    @Bean
    EventUpcaster textsSealed() {
        return new TextsSealed();
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(EventStoreKind kind, ConnectionProvider connections,
                                          TransactionManager transactions, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          ObjectProvider<KurrentDBClient> kurrentDb, KurrentDbSettings kurrentDbSettings) {
        EventUpcasterChain chain = new EventUpcasterChain(upcasters.orderedStream().toList());
        if (kind == EventStoreKind.KURRENTDB) {
            log.info("Events are stored in KurrentDB, streams prefixed '{}'", kurrentDbSettings.streamPrefix());
            return KurrentDbStorageEngine.builder()
                    .client(kurrentDb.getObject())
                    .streamPrefix(kurrentDbSettings.streamPrefix())
                    .tailWait(kurrentDbSettings.tailWait())
                    .snapshotSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    .upcasterChain(chain)
                    .build();
        }
        return jdbcEngine(connections, transactions, serializer, eventSerializer, chain);
    }

    /** Axon's JDBC engine on the schema of db/eventstore, as the system and the contract suites build it. */
    static PostgresStorageEngine jdbcEngine(ConnectionProvider connections, TransactionManager transactions,
                                            Serializer snapshotSerializer, Serializer eventSerializer,
                                            EventUpcaster upcasterChain) {
        return new PostgresStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasterChain)
                // PostgreSQL's unique_violation: a second writer at the same aggregate and sequence. Axon's
                // JdbcSQLErrorCodesResolver misses it (it reads vendor error codes, which PostgreSQL leaves 0),
                // so a lost race surfaced as a plain EventStoreException; found by the engine contract suite
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .schema(SCHEMA)
                .batchSize(1000)); // events read per query when processors catch up (Axon: 100)
    }

    /**
     * Streams read by the start of their names, from whichever engine keeps the events (both can). Primary:
     * once built, the engine is a {@link StreamsByPrefix} too, but its bean is declared as an engine, so
     * injection by type would find it only after it exists; this bean is found from the start.
     */
    @Bean
    @Primary
    StreamsByPrefix streamsByPrefix(EventStorageEngine engine) {
        return (StreamsByPrefix) engine;
    }

    /** The KurrentDB client, only when events are kept there; shut down with the application. */
    @Bean(destroyMethod = "shutdown")
    @Conditional(KurrentDbChosen.class)
    KurrentDBClient kurrentDbClient(KurrentDbSettings settings) {
        if (settings.connectionString() == null || settings.connectionString().isBlank()) {
            throw new IllegalStateException("civic.event-store=kurrentdb needs civic.kurrentdb.connection-string, "
                    + "for example kurrentdb+discover://admin:<password>@node1:2113,node2:2113,node3:2113");
        }
        return KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(settings.connectionString()));
    }

    /** True when {@code civic.event-store=kurrentdb}. */
    static final class KurrentDbChosen implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return EventStoreKind.KURRENTDB.setting().equals(context.getEnvironment().getProperty("civic.event-store"));
        }
    }

    /**
     * The token table of db/eventstore/V3__sagas_tokens_deadlines.sql, for the processors whose position
     * lives beside the events (the bench watch, the transparency log's writer).
     */
    @Bean
    TokenSchema eventStoreTokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The table and column names of db/eventstore/V1__axon_event_store.sql. */
    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** Lets the embedded server be absent when another engine is configured. */
    public record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
