package org.civicledger.query.eloge;

import java.util.List;
import java.util.Map;

/** An ELoGE principle catalogue, as versioned data ({@code eloge/catalogue-<version>.json}). */
public record Catalogue(String version, Map<String, String> name, String source, Scale scale, List<Principle> principles) {

    public record Scale(int min, int max) {
    }

    public record Principle(int number, String key, Map<String, String> name, List<IndicatorRef> indicators, String note) {
    }

    /** An indicator of a principle: its id in the catalogue and the metric that computes it. */
    public record IndicatorRef(String id, String metric) {
    }
}
