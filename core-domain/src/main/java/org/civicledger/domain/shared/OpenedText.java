package org.civicledger.domain.shared;

/**
 * What opening a {@link SealedText} gives: the text and the salt of its digest (base64; null for a plain
 * text from before sealing), or, when its key is gone, why.
 */
public record OpenedText(String text, String salt, Withheld withheld) {

    /** Why a sealed text can no longer be read. */
    public enum Withheld {
        /** A moderator destroyed its key. */
        REDACTED,
        /** Its writer was erased, and every key of theirs with them. */
        ERASED
    }

    public static OpenedText of(String text, String salt) {
        return new OpenedText(text, salt, null);
    }

    public static OpenedText withheld(Withheld why) {
        return new OpenedText(null, null, why);
    }

    public boolean gone() {
        return withheld != null;
    }

    /** The text, or null when it is withheld. */
    public String orNull() {
        return text;
    }
}
