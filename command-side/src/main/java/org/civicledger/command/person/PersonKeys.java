package org.civicledger.command.person;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.civicledger.command.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key store of personal data: one AES-256 key per person and version, kept in the relational
 * database wrapped (AES Key Wrap, RFC 3394) by the master key from {@code civic.privacy.master-key}
 * (base64, 32 bytes; in the default run generated as {@code keys/master.key} in the data directory).
 * Erasure removes the wrapped key: nothing sealed with it can be opened again.
 */
@Component
public class PersonKeys {

    private final JdbcTemplate jdbc;
    private final SecretKey master;
    private final SecureRandom random = new SecureRandom();

    public PersonKeys(DataSource dataSource, DataDirectory data, @Value("${civic.privacy.master-key:}") String masterKey) {
        this.jdbc = new JdbcTemplate(dataSource);
        byte[] bytes = masterKey.isBlank()
                ? data.secret("master.key", () -> {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    return fresh;
                })
                : Base64.getDecoder().decode(masterKey.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key (civic.privacy.master-key) must be 32 bytes, base64");
        }
        this.master = new SecretKeySpec(bytes, "AES");
    }

    /** A key and its version. */
    public record VersionedKey(int version, SecretKey key) {
    }

    /** The person's current key, created (as the next version) when they have none that is not erased. */
    public VersionedKey current(String pseudonym) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<VersionedKey> live = latestLive(pseudonym);
            if (live.isPresent()) {
                return live.get();
            }
            Integer highest = jdbc.queryForObject("select max(key_version) from person_key where pseudonym = ?",
                    Integer.class, pseudonym);
            int next = highest == null ? 1 : highest + 1;
            jdbc.update("insert into person_key (pseudonym, key_version, wrapped_key) values (?, ?, ?) "
                    + "on conflict do nothing", pseudonym, next, wrap(newKey()));
        }
        throw new IllegalStateException("Could not create a data key for a person after 3 attempts");
    }

    /** The key of that version, unless it was erased. */
    public Optional<SecretKey> find(String pseudonym, int version) {
        List<byte[]> wrapped = jdbc.query("select wrapped_key from person_key where pseudonym = ? and key_version = ?"
                + " and wrapped_key is not null", (rs, i) -> rs.getBytes(1), pseudonym, version);
        return wrapped.stream().findFirst().map(this::unwrap);
    }

    /** Destroys every key of the person; returns how many were destroyed. Joins the caller's transaction. */
    public int erase(String pseudonym) {
        return jdbc.update("update person_key set wrapped_key = null, erased_at = now() "
                + "where pseudonym = ? and wrapped_key is not null", pseudonym);
    }

    private Optional<VersionedKey> latestLive(String pseudonym) {
        return jdbc.query("select key_version, wrapped_key from person_key where pseudonym = ? "
                        + "and wrapped_key is not null order by key_version desc limit 1",
                (rs, i) -> new VersionedKey(rs.getInt(1), unwrap(rs.getBytes(2))), pseudonym).stream().findFirst();
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    private byte[] wrap(SecretKey key) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.WRAP_MODE, master);
            return cipher.wrap(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a data key", e);
        }
    }

    private SecretKey unwrap(byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, master);
            Key key = cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            return (SecretKey) key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key does not open with this master key (wrong civic.privacy.master-key?)", e);
        }
    }
}
