package org.civicledger.query.readstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails on an event never skips it silently (Axon's default logs and moves on,
 * and the read model is then quietly wrong). The event is parked in a dead-letter queue in the read
 * store, with every later event of the same aggregate, so their order is kept; events of other
 * aggregates flow on. Parked events are listed and retried through {@code /api/v1/admin/dead-letters}.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrors {

    /**
     * Processors that must take every event in order, or stop and retry: the transparency log (an event
     * parked would leave it out of the log for good).
     */
    public static final java.util.Set<String> NEVER_PARKED = java.util.Set.of("transparency-log");

    /**
     * Every event is checked against its group's queue (is an earlier event of its aggregate parked?).
     * The answer "no" is remembered for the aggregates seen lately, so that check costs a read-store query
     * only for aggregates not seen lately, instead of one query per event and processor.
     */
    @Bean
    ConfigurerModule projectionsParkWhatFails(MongoTemplate axonReadStore, ApplicationContext context) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing()
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    .registerDeadLetterQueueProvider(group -> NEVER_PARKED.contains(group) ? null
                            : c -> MongoSequencedDeadLetterQueue.builder()
                            .processingGroup(group)
                            .mongoTemplate(axonReadStore)
                            .serializer(c.serializer())
                            .transactionManager(NoTransactionManager.instance())
                            .build());
            ProjectionBatches.projectionGroups(context).forEach(group ->
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (c, invoker) -> invoker.enableSequenceIdentifierCache()));
        };
    }
}
