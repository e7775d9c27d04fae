package org.civicledger.command.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.OpenedText.Withheld;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The text vault: every free text sealed with AES-256-GCM under a key of its own, kept in {@code text_key}
 * wrapped by the master key; its digest salted with HMAC-SHA-256(key, "civic-ledger/text-salt"), so the
 * salt dies with the key. Keys opened once are kept in memory until any key is destroyed anywhere
 * ({@code text_key_epoch} moves in the destroying transaction; each instance looks at it at most twice a
 * second when it opens texts), so a redacted or erased text is unreadable on every instance within a second.
 */
@Component
public class SealedTexts implements TextVault {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT_LABEL = "civic-ledger/text-salt".getBytes(StandardCharsets.US_ASCII);
    private static final long EPOCH_LOOK_NANOS = 500_000_000L;
    private static final int CACHED_KEYS = 200_000;

    /** A key as found: the key, or why there is none. */
    private record Found(SecretKey key, Withheld withheld) {
    }

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Found> known = new ConcurrentHashMap<>();
    private volatile long epoch = -1;
    private volatile long epochLookedAt;

    public SealedTexts(DataSource dataSource, MasterKey master) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = master;
    }

    @Override
    public SealedText seal(String text, ErasureTag writer) {
        Objects.requireNonNull(text, "text");
        byte[] id = new byte[16];
        random.nextBytes(id);
        String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        SecretKey key = master.newKey();
        jdbc.update("insert into text_key (key_id, writer_tag, wrapped_key) values (?, ?, ?)", keyId,
                writer == null ? null : writer.value(), master.wrap(key));
        remember(keyId, new Found(key, null));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
            return SealedText.sealed(keyId, encoded, digest(salt(key), text));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Override
    public void redact(SealedText text) {
        if (text.unsealed()) {
            return;
        }
        jdbc.update("update text_key set wrapped_key = null, redacted = true where key_id = ?", text.key());
        destroyed();
    }

    /** Destroys every key of a writer's texts and profiles; joins the caller's transaction. Answers how many. */
    public int eraseWriter(ErasureTag writer) {
        int destroyed = jdbc.update("delete from text_key where writer_tag = ?", writer.value());
        destroyed();
        return destroyed;
    }

    @Override
    public OpenedText open(SealedText text) {
        return openAll(List.of(text)).get(text);
    }

    @Override
    public Map<SealedText, OpenedText> openAll(Collection<SealedText> texts) {
        lookAtEpoch();
        List<String> missing = texts.stream().filter(t -> t != null && !t.unsealed() && !known.containsKey(t.key()))
                .map(SealedText::key).distinct().toList();
        if (!missing.isEmpty()) {
            fetch(missing);
        }
        Map<SealedText, OpenedText> opened = new HashMap<>();
        for (SealedText text : texts) {
            if (text != null) {
                opened.put(text, text.unsealed() ? OpenedText.of(text.plain(), null) : open(text, known.get(text.key())));
            }
        }
        return opened;
    }

    private OpenedText open(SealedText text, Found found) {
        if (found == null || found.key() == null) {
            return OpenedText.withheld(found == null ? Withheld.ERASED : found.withheld());
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text.sealed());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, found.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(text.key().getBytes(StandardCharsets.US_ASCII));
            String plain = new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
            return OpenedText.of(plain, Base64.getEncoder().encodeToString(salt(found.key())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The sealed text under key " + text.key() + " does not open: damaged", e);
        }
    }

    private void fetch(List<String> keyIds) {
        Map<String, Found> found = new HashMap<>();
        for (int from = 0; from < keyIds.size(); from += 1_000) {
            List<String> chunk = keyIds.subList(from, Math.min(keyIds.size(), from + 1_000));
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "select key_id, wrapped_key, redacted from text_key where key_id = any(?)");
                statement.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
                return statement;
            }, rs -> {
                byte[] wrapped = rs.getBytes(2);
                found.put(rs.getString(1), wrapped == null
                        ? new Found(null, rs.getBoolean(3) ? Withheld.REDACTED : Withheld.ERASED)
                        : new Found(master.unwrap(wrapped), null));
            });
        }
        found.forEach(this::remember);
    }

    private void remember(String keyId, Found found) {
        if (known.size() >= CACHED_KEYS) {
            known.clear();
        }
        known.put(keyId, found);
    }

    /** A key was destroyed: every instance (this one now) forgets what it knew. */
    private void destroyed() {
        jdbc.update("update text_key_epoch set epoch = epoch + 1 where id = 1");
        known.clear();
        epochLookedAt = 0;
    }

    private void lookAtEpoch() {
        long now = System.nanoTime();
        if (epochLookedAt != 0 && now - epochLookedAt < EPOCH_LOOK_NANOS) {
            return;
        }
        Long current = jdbc.queryForObject("select epoch from text_key_epoch where id = 1", Long.class);
        if (current == null || current != epoch) {
            known.clear();
            epoch = current == null ? -1 : current;
        }
        epochLookedAt = now;
    }

    static byte[] salt(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(SALT_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** base64(SHA-256(salt ‖ UTF-8 text)): what the public log commits to. */
    public static String digest(byte[] salt, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return Base64.getEncoder().encodeToString(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Keys opened and kept in memory now (for tests of the forgetting). */
    int keysInMemory() {
        return known.size();
    }
}
