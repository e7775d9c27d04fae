package org.civicledger.domain.shared;

import java.util.Objects;

/**
 * A free text as the events keep it. Written since revision 2 of each event that carries text: sealed
 * with AES-256-GCM under a key of its own ({@code key} names it in the key store), beside
 * {@code digest}, the salted SHA-256 that the public transparency log commits to instead of the text.
 * The salt is derived from the key, so destroying the key — a moderator's redaction, or the erasure of
 * the person who wrote it — makes both the text and its salt unrecoverable in every replay, while the
 * log and its hashes stay as they were.
 *
 * <p>A text stored before texts were sealed (revision 1 events, upcast) is {@code plain}: its key,
 * sealed form and digest are null, and it can only be withheld, never destroyed.
 *
 * @param key    the key's identifier: random, one per text, never shared by two texts
 * @param sealed base64url of nonce ‖ AES-GCM ciphertext ‖ tag, the key identifier as associated data
 * @param digest base64 of SHA-256(salt ‖ UTF-8 text), the salt being HMAC-SHA-256(key, "civic-ledger/text-salt")
 * @param plain  the text of a revision 1 event, or null
 */
public record SealedText(String key, String sealed, String digest, String plain) {

    public SealedText {
        boolean isSealed = key != null && sealed != null && digest != null;
        if (isSealed == (plain != null)) {
            throw new IllegalArgumentException("a text is either sealed (key, sealed, digest) or plain");
        }
    }

    public static SealedText sealed(String key, String sealed, String digest) {
        return new SealedText(Objects.requireNonNull(key), Objects.requireNonNull(sealed),
                Objects.requireNonNull(digest), null);
    }

    /** A text from before sealing: kept as it was stored. */
    public static SealedText plain(String text) {
        return new SealedText(null, null, null, Objects.requireNonNull(text));
    }

    /** Whether the text is a plain one from before sealing (named so that JSON does not take it for a property). */
    public boolean unsealed() {
        return plain != null;
    }

    @Override
    public String toString() {
        return unsealed() ? "plain text" : "sealed text " + key; // never the text itself, in logs or errors
    }
}
