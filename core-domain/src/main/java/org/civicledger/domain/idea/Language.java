package org.civicledger.domain.idea;

import java.util.List;
import org.civicledger.domain.shared.InvalidField;

/**
 * The language an idea is written in: Bosnian, Croatian, Serbian (Latin or Cyrillic script) or
 * English. Tags are BCP 47 and compared case-insensitively; the canonical form is kept.
 */
public enum Language {
    BS("bs"), HR("hr"), SR("sr"), SR_CYRL("sr-Cyrl"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Language ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag == null ? "" : tag.strip())) {
                return language;
            }
        }
        throw new InvalidField("language", "must be one of " + List.of(values()).stream().map(Language::tag).toList());
    }
}
