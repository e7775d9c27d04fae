package org.civicledger.domain.municipality;

import org.civicledger.domain.shared.Text;

/**
 * A municipality (JLS) is identified by an ASCII slug such as {@code novi-grad}.
 * As an aggregate identifier it is namespaced ({@code municipality-novi-grad}) so that it can never
 * collide with another kind of aggregate and names its own event stream.
 */
public record MunicipalityId(String slug) {

    public static final String STREAM_PREFIX = "municipality-";

    public MunicipalityId {
        Text.requireSlug("municipalityId", slug, 64);
    }

    @Override
    public String toString() {
        return STREAM_PREFIX + slug;
    }
}
