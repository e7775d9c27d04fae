package org.civicledger.domain.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicledger.domain.idea.Language;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Text;

/** One text in one or more of the product's languages, keyed by BCP 47 tag (bs, hr, sr, sr-Cyrl, en). */
public record MultilingualText(Map<String, String> byLanguage) {

    public MultilingualText {
        if (byLanguage == null || byLanguage.isEmpty()) {
            throw new InvalidField("text", "needs at least one language");
        }
        byLanguage = Map.copyOf(byLanguage);
    }

    /**
     * The texts as one JSON object, keys in sorted order ({@code {"bs":"…","en":"…"}}): the text that is
     * sealed in events and served beside the transparency log.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        new java.util.TreeMap<>(byLanguage).forEach((tag, text) -> {
            json.append(json.length() == 1 ? "" : ",");
            quote(json, tag);
            json.append(':');
            quote(json, text);
        });
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", c));
                    } else {
                        json.append((char) c);
                    }
                }
            }
        });
        json.append('"');
    }

    /** Validates every language tag and text, normalising tags to their canonical form. */
    public static MultilingualText of(String field, Map<String, String> texts, int min, int max) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidField(field, "needs a text in at least one of bs, hr, sr, sr-Cyrl, en");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        texts.forEach((tag, text) -> {
            Language language;
            try {
                language = Language.ofTag(tag);
            } catch (InvalidField e) {
                throw new InvalidField(field, "'" + tag + "' " + e.getMessage());
            }
            checked.put(language.tag(), Text.require(field, text, min, max, false));
        });
        return new MultilingualText(checked);
    }
}
