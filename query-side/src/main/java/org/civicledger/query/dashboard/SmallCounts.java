package org.civicledger.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/** Statistical disclosure control for published breakdowns: small counts are withheld. */
final class SmallCounts {

    static final int THRESHOLD = 5;

    private SmallCounts() {
    }

    /**
     * Withholds (as null) every count from 1 to {@link #THRESHOLD} - 1. If that withholds exactly one
     * cell, the smallest other non-zero cell is withheld too, so the first cannot be worked out from
     * the total.
     */
    static Map<String, Long> suppress(Map<String, Long> counts) {
        Map<String, Long> published = new LinkedHashMap<>(counts);
        long withheld = counts.values().stream().filter(SmallCounts::small).count();
        published.replaceAll((key, count) -> small(count) ? null : count);
        if (withheld == 1) {
            published.entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getValue() > 0)
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(e -> published.put(e.getKey(), null));
        }
        return published;
    }

    private static boolean small(Long count) {
        return count != null && count > 0 && count < THRESHOLD;
    }
}
