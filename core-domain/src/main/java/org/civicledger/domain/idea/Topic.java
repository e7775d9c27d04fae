package org.civicledger.domain.idea;

import java.util.Locale;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Text;

/**
 * What an idea is about, as a short slug ({@code public-lighting}, {@code youth}) so that
 * dashboards can group ideas by topic across languages. Case is folded to lowercase.
 */
public record Topic(String value) {

    public Topic {
        if (value == null) {
            throw new InvalidField("topic", "must not be blank");
        }
        value = Text.requireSlug("topic", value.strip().toLowerCase(Locale.ROOT), 40);
    }
}
