package org.civicledger.command.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicledger.command.DataDirectory;
import org.civicledger.domain.person.Pseudonym;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a token subject into its person-wide key: HMAC-SHA-256 under a secret key, base64url. The same
 * person always gets the same key; without the key nobody can go back. Events carried it as the
 * person's pseudonym before per-context pseudonyms ({@link Identity}); now it only finds a person's
 * secret and their earlier streams, and never enters an event.
 * The key comes from {@code civic.privacy.pseudonym-key} (base64, at least 32 bytes) or, when that
 * is unset, from {@code keys/pseudonym.key} in the data directory, created on first start.
 */
@Component
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(@Value("${civic.privacy.pseudonym-key:}") String configuredKey, DataDirectory data) {
        byte[] bytes = configuredKey.isBlank()
                ? data.secret("pseudonym.key", () -> {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    return fresh;
                })
                : Base64.getDecoder().decode(configuredKey.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("The pseudonym key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public Pseudonym of(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return new Pseudonym(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
