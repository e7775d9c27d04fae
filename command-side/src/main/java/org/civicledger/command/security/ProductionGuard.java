package org.civicledger.command.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a production profile that is set up like a trial: with the dev token issuer on,
 * or with keys that would be generated on the local disk instead of coming from configuration.
 * Runs as soon as the configuration is known, before any store is opened or port is bound
 * (registered in {@code META-INF/spring.factories}).
 */
public class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        if (!environment.acceptsProfiles(Profiles.of("production", "prod"))) {
            return;
        }
        if (environment.getProperty("civic.security.dev-tokens", Boolean.class, false)) {
            throw new IllegalStateException("civic.security.dev-tokens=true is refused in a production profile: "
                    + "tokens must come from the identity provider (civic.security.jwk-set-uri)");
        }
        String eventStore = environment.getProperty("civic.event-store", "embedded-postgres");
        if ("kurrentdb".equals(eventStore) && environment.getProperty("civic.postgres.url", "").isBlank()) {
            throw new IllegalStateException("civic.event-store=" + eventStore + " would start an embedded PostgreSQL, "
                    + "which a production profile refuses: name a server with civic.postgres.url (with kurrentdb it "
                    + "keeps the relational side: tokens, transparency log, keys)");
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("civic.privacy.master-key", "civic.privacy.pseudonym-key",
                "civic.transparency.signing-key")) {
            if (environment.getProperty(key, "").isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("A production profile needs " + missing
                    + " from configuration (base64, 32 bytes each); they are never generated on local disk");
        }
    }
}
