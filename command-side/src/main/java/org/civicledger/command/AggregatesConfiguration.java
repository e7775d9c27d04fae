package org.civicledger.command;

import org.axonframework.config.ConfigurerModule;
import org.civicledger.domain.idea.Idea;
import org.civicledger.domain.municipality.Municipality;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon. They live in core-domain, which knows no Spring, so
 * they are named here instead of carrying Spring's {@code @Aggregate} stereotype.
 */
@Configuration(proxyBeanMethods = false)
public class AggregatesConfiguration {

    @Bean
    ConfigurerModule civicAggregates() {
        return configurer -> configurer
                .configureAggregate(Municipality.class)
                .configureAggregate(Idea.class);
    }
}
