package org.civicledger.query.readstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails on an event must not skip it silently (Axon's default logs and moves on,
 * and the read model is then quietly wrong). Errors propagate instead: the processor stops at that
 * event, logs it, and retries with back-off until the cause is fixed.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrors {

    @Bean
    ConfigurerModule projectionsStopOnError() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
