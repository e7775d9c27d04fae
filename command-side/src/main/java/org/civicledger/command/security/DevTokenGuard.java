package org.civicledger.command.security;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a production profile with the dev token issuer on. Runs as soon as the
 * configuration is known, before any store is opened or port is bound (registered in
 * {@code META-INF/spring.factories}).
 */
public class DevTokenGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        boolean devTokens = environment.getProperty("civic.security.dev-tokens", Boolean.class, false);
        if (devTokens && environment.acceptsProfiles(Profiles.of("production", "prod"))) {
            throw new IllegalStateException("civic.security.dev-tokens=true is refused in a production profile: "
                    + "tokens must come from the identity provider (civic.security.jwk-set-uri)");
        }
    }
}
