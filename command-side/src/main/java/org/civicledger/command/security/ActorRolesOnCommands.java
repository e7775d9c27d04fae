package org.civicledger.command.security;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every command sent while serving an authenticated request carries the roles of its verified token
 * as metadata ({@code actorRoles}), and every event the command causes inherits them. The audit
 * trail shows in which role someone acted from the event itself, not from a guess made later.
 * Roles are not personal data; the identity stays a pseudonym in the payload.
 */
@Configuration(proxyBeanMethods = false)
public class ActorRolesOnCommands {

    public static final String ACTOR_ROLES = "actorRoles";

    @Bean
    SmartInitializingSingleton actorRolesOnEveryCommand(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(rolesOfTheCurrentRequest());
    }

    @Bean
    CorrelationDataProvider actorRolesOnEveryEvent() {
        return new SimpleCorrelationDataProvider(ACTOR_ROLES);
    }

    /** A write's idempotency key travels from its command to its events ({@code IdempotentWrites}). */
    @Bean
    CorrelationDataProvider idempotencyKeyOnEveryEvent() {
        return new SimpleCorrelationDataProvider(org.civicledger.domain.shared.IdempotentWrites.KEY);
    }

    /** Declared here too because a provider of our own switches Axon's default one off. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> rolesOfTheCurrentRequest() {
        return messages -> (index, command) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()) {
                return command;
            }
            List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
            return roles.isEmpty() ? command : command.andMetaData(Map.of(ACTOR_ROLES, String.join(",", roles)));
        };
    }
}
