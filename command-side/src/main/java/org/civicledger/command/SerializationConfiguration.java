package org.civicledger.command;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon serializes events, tokens and messages with Jackson 3 ({@code axon.serializer.*=jackson3}).
 * Axon's own tracking tokens (a {@code ReplayToken} wraps another token and a context) are
 * polymorphic, which Jackson 3 refuses by default; this allows exactly Axon's, the JDK's collection
 * and value types, and ours — never arbitrary classes named in stored data.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

    @Bean
    Jackson3SerializerCustomizer polymorphicTokens() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.civicledger.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.time.")
                .build());
    }
}
