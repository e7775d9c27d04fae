package org.civicledger.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.civicledger.domain.person.ErasureTag;

/**
 * A text vault for fixture tests: sealing is deterministic (the key names the text and its writer, the
 * "sealed" form is the text in base64), so that expected events can be written down, and redactions
 * are remembered.
 */
public final class TestVault implements TextVault {

    public final List<String> redactedKeys = new ArrayList<>();

    /** The sealed form of an official text, as this vault seals it. */
    public static SealedText text(String text) {
        return text(text, null);
    }

    /** The sealed form of a text written by the person with {@code writer}'s tag. */
    public static SealedText text(String text, ErasureTag writer) {
        String key = "k-" + sha(text).substring(0, 12) + (writer == null ? "" : "-" + writer.value());
        return SealedText.sealed(key, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
                sha(text));
    }

    @Override
    public SealedText seal(String text, ErasureTag writer) {
        return text(text, writer);
    }

    @Override
    public void redact(SealedText text) {
        redactedKeys.add(text.key());
    }

    @Override
    public OpenedText open(SealedText text) {
        if (text.unsealed()) {
            return OpenedText.of(text.plain(), null);
        }
        return redactedKeys.contains(text.key()) ? OpenedText.withheld(OpenedText.Withheld.REDACTED)
                : OpenedText.of(new String(Base64.getDecoder().decode(text.sealed()), StandardCharsets.UTF_8), "salt");
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
