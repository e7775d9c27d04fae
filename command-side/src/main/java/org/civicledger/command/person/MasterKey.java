package org.civicledger.command.person;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civicledger.command.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key that wraps every key and secret kept beside the events (AES Key Wrap, RFC 3394): from
 * {@code civic.privacy.master-key} (base64, 32 bytes) or, in the default run, {@code keys/master.key} in
 * the data directory, created on first start. Losing it makes every sealed text and personal datum
 * unreadable.
 */
@Component
public class MasterKey {

    private final SecretKey master;
    private final SecureRandom random = new SecureRandom();

    public MasterKey(DataDirectory data, @Value("${civic.privacy.master-key:}") String configured) {
        byte[] bytes = configured.isBlank()
                ? data.secret("master.key", () -> {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    return fresh;
                })
                : Base64.getDecoder().decode(configured.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key (civic.privacy.master-key) must be 32 bytes, base64");
        }
        this.master = new SecretKeySpec(bytes, "AES");
    }

    /** A new random AES-256 key. */
    SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    byte[] wrap(SecretKey key) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.WRAP_MODE, master);
            return cipher.wrap(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a key", e);
        }
    }

    SecretKey unwrap(byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, master);
            return (SecretKey) cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A key does not open with this master key (wrong civic.privacy.master-key?)", e);
        }
    }
}
