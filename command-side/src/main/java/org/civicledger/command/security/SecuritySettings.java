package org.civicledger.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param devTokens whether this process issues its own tokens at {@code POST /api/v1/dev/tokens};
 *                  only for the default run, refused in a production profile
 * @param issuer    the {@code iss} every accepted token must carry
 * @param audience  the {@code aud} every accepted token must contain
 * @param jwkSetUri where to fetch the identity provider's keys when dev tokens are off
 */
@ConfigurationProperties("civic.security")
public record SecuritySettings(boolean devTokens, String issuer, String audience, String jwkSetUri) {

    public static final String DEV_ISSUER = "civic-ledger-dev";

    public SecuritySettings {
        issuer = issuer == null || issuer.isBlank() ? DEV_ISSUER : issuer;
        audience = audience == null || audience.isBlank() ? "civic-ledger" : audience;
    }
}
