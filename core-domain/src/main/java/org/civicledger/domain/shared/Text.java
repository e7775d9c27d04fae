package org.civicledger.domain.shared;

import java.text.Normalizer;

/** Rules every piece of free text shares: Unicode NFC, trimmed, bounded in code points, no control characters. */
public final class Text {

    private Text() {
    }

    /**
     * Normalises {@code value} and checks its length in code points.
     *
     * @param multiline whether line breaks and tabs are allowed
     */
    public static String require(String field, String value, int min, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            if (min == 0) {
                return "";
            }
            throw new InvalidField(field, "must not be blank");
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw new InvalidField(field, "must be " + min + " to " + max + " characters long, was " + length);
        }
        text.codePoints().forEach(c -> {
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                throw new InvalidField(field, "must not contain control characters");
            }
        });
        return text;
    }

    /** A lowercase ASCII slug: letters, digits and single hyphens, as used in identifiers and URLs. */
    public static String requireSlug(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "must not be blank");
        }
        if (value.length() > max || !value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidField(field, "must be lowercase letters a-z, digits and single hyphens, at most "
                    + max + " characters");
        }
        return value;
    }
}
