package org.civicledger.query.readstore;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections take events in batches: up to {@code civic.projections.batch-size} events in one
 * unit of work and one tracking-token update in the read store after them, instead of a token write
 * per event. A batch cut short (a crash, a restart) is handled again from its start; the projections
 * are idempotent, so that applies nothing twice. Processors configured on their own (the transparency
 * log, the bench watch) keep their settings. The read-store writes of a batch that need no answer go
 * out together at its end ({@link BatchedWrites}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionBatches {

    @Bean
    ConfigurerModule projectionsTakeEventsInBatches(@Value("${civic.projections.batch-size:250}") int batchSize,
                                                    ApplicationContext context) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("civic.projections.batch-size must be at least 1, not " + batchSize);
        }
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                    c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
            projectionGroups(context).forEach(group ->
                    processing.registerHandlerInterceptor(group, c -> BatchedWrites.perBatch()));
        };
    }

    /** The processing groups of the projections: every event handler's group but those never parked. */
    static Set<String> projectionGroups(ApplicationContext context) {
        Set<String> groups = new TreeSet<>();
        for (String name : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = context.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null && !ProjectionErrors.NEVER_PARKED.contains(group.value())) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
