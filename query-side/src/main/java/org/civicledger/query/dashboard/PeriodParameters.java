package org.civicledger.query.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.civicledger.domain.shared.InvalidField;

/** Parses {@code from} and {@code to}: an ISO-8601 instant, or a date meaning its first instant (UTC). */
public final class PeriodParameters {

    private PeriodParameters() {
    }

    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (2026-01-31) or an instant (2026-01-31T00:00:00Z)");
        }
    }

    /** Checks that the period is not empty or reversed. */
    public static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidField("to", "must be after from");
        }
    }
}
