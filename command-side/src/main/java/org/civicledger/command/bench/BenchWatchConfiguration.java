package org.civicledger.command.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.civicledger.domain.bench.BenchWatch;
import org.civicledger.domain.bench.SilenceRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Runs the {@link BenchWatch} policy: its sagas, its position in the event stream and its pending
 * deadlines all live in the event store's PostgreSQL database, so they commit together with the
 * events they cause and survive restarts. Deadlines run on db-scheduler, which hands each one to
 * exactly one running instance.
 */
@Configuration(proxyBeanMethods = false)
public class BenchWatchConfiguration {

    static final String PROCESSOR = "BenchWatchProcessor";
    /**
     * Events taken in one transaction: the watches follow only bench events, and a commit per event of every kind
     * made the processor's catching up cost more than the events it acts on.
     */
    static final int WATCH_BATCH = 256;

    /** {@code civic.bench.silent-after}: how long a bench in service may say nothing (default 30 minutes). */
    @Bean
    SilenceRule silenceRule(@Value("${civic.bench.silent-after:PT30M}") Duration after) {
        return new SilenceRule(after);
    }

    @Bean
    ConfigurerModule benchWatch(ConnectionProvider connections, Serializer serializer, TokenSchema tokenSchema) {
        JdbcSagaStore sagas = watches(connections);
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(tokenSchema)
                .build();
        return configurer -> configurer.eventProcessing()
                .registerSaga(BenchWatch.class, saga -> saga.configureSagaStore(c -> sagas))
                .registerTrackingEventProcessor(PROCESSOR, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(WATCH_BATCH)
                                .andInitialTrackingToken(source -> source.createTailToken()))
                .registerTokenStore(PROCESSOR, c -> tokens);
    }

    /**
     * Where the watches live ({@code saga_entry}). A watch is loaded {@code FOR UPDATE}, so its row stays locked
     * until the transaction that loaded it ends. Two instances can work on one watch at once: a deadline runs
     * on whichever instance db-scheduler hands it to, the watch's events on the instance holding the
     * processor's claim. Axon's store updates a watch by its id alone, so without the lock both would load
     * the same state and the later store would undo the earlier: the pending check lost (the bench never
     * again recorded silent, or left silent while it speaks) or the news that it was heard.
     */
    static JdbcSagaStore watches(ConnectionProvider connections) {
        PostgresSagaSqlSchema schema = new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
        schema.setExclusiveLoad(true);
        return JdbcSagaStore.builder()
                .connectionProvider(connections)
                .sqlSchema(schema)
                .serializer(sagaSerializer())
                .build();
    }

    /** A saga is a plain object with private fields: serialized field by field, not by getters. */
    private static Serializer sagaSerializer() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> builder.changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE)
                        .withSetterVisibility(Visibility.NONE)))
                .build();
    }

    @Bean
    DeadlineManager deadlineManager(DataSource dataSource, @Lazy org.axonframework.config.Configuration axon,
                                    Serializer serializer, TransactionManager transactions,
                                    @Value("${civic.deadlines.polling-interval:PT1S}") Duration polling) {
        DbSchedulerDeadlineManagerSupplier supplier = new DbSchedulerDeadlineManagerSupplier();
        Scheduler scheduler = Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(supplier))
                .threads(2)
                .pollingInterval(polling)
                .build();
        DbSchedulerDeadlineManager deadlines = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(true)
                .stopScheduler(true)
                .build();
        supplier.set(deadlines);
        return deadlines;
    }
}
