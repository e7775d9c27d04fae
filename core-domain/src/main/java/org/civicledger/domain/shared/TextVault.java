package org.civicledger.domain.shared;

import org.civicledger.domain.person.ErasureTag;

/**
 * Seals the free texts events carry, each under a key of its own, opens them while their key lives, and
 * destroys a key on redaction. A port: the command side keeps the keys beside the events, wrapped by the
 * master key; the read side opens texts when it answers, so a destroyed key hides a text everywhere at once. A text written
 * by a person is sealed with their {@link ErasureTag}, so that erasing them destroys every key of
 * theirs at once; an official text (a reason, a rationale) has none and lives until it is redacted.
 */
public interface TextVault {

    /** Seals {@code text} under a new key; {@code writer} is the person whose erasure destroys it, or null. */
    SealedText seal(String text, ErasureTag writer);

    /** Destroys the key of {@code text} for good, recording that it was redacted; a plain text has none. */
    void redact(SealedText text);

    /** The text and its salt, or why it is withheld; a plain text opens as it is. */
    OpenedText open(SealedText text);

    /** Opens several texts at once (one trip to the key store for the keys not at hand); nulls are skipped. */
    default java.util.Map<SealedText, OpenedText> openAll(java.util.Collection<SealedText> texts) {
        java.util.Map<SealedText, OpenedText> opened = new java.util.HashMap<>();
        texts.stream().filter(java.util.Objects::nonNull).forEach(t -> opened.put(t, open(t)));
        return opened;
    }

    /** Seals {@code text} if there is one. */
    default SealedText sealOrNull(String text, ErasureTag writer) {
        return text == null ? null : seal(text, writer);
    }
}
