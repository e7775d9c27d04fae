package org.civicledger.query.municipalday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A period a dashboard is asked for, as whole days (UTC): {@code from} taken back to the start of its day,
 * {@code to} forward to the start of the next day unless it is one already. Figures are kept by day, so a day is
 * the finest a window can be; this also means no two windows can be differenced down to fewer than a day's acts.
 * A window is answered by the fewest periods that make it up: whole years, then whole months, then days
 * ({@link #periods}).
 */
public record Window(LocalDate from, LocalDate until) {

    /** The window of whole days that covers {@code [from, to)}; either end open when null. */
    public static Window covering(Instant from, Instant to) {
        LocalDate start = from == null ? null : from.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate end = null;
        if (to != null) {
            LocalDate day = to.atOffset(ZoneOffset.UTC).toLocalDate();
            end = day.atStartOfDay().toInstant(ZoneOffset.UTC).equals(to) ? day : day.plusDays(1);
        }
        return new Window(start, end);
    }

    /** The first instant counted, or null. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant no longer counted, or null. */
    public Instant untilInstant() {
        return until == null ? null : until.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The ids, in {@link MunicipalDays#PERIODS}, of the periods of {@code scope} (a municipality, or the network)
     * that make up this window, given the years there are figures for: whole-time, years, months and days.
     */
    public List<String> periods(String scope, List<Integer> years) {
        List<String> parts = new ArrayList<>();
        if (from == null && until == null) {
            parts.add(scope + "/" + MunicipalDays.ALL_TIME);
            return parts;
        }
        for (int year : years) {
            LocalDate yearStart = LocalDate.of(year, 1, 1);
            LocalDate yearEnd = yearStart.plusYears(1);
            if (!overlaps(yearStart, yearEnd)) {
                continue;
            }
            if (covers(yearStart, yearEnd)) {
                parts.add(scope + "/" + year);
                continue;
            }
            for (LocalDate month = yearStart; month.isBefore(yearEnd); month = month.plusMonths(1)) {
                LocalDate monthEnd = month.plusMonths(1);
                if (!overlaps(month, monthEnd)) {
                    continue;
                }
                if (covers(month, monthEnd)) {
                    parts.add(scope + "/" + month.toString().substring(0, 7));
                    continue;
                }
                for (LocalDate day = month; day.isBefore(monthEnd); day = day.plusDays(1)) {
                    if (covers(day, day.plusDays(1))) {
                        parts.add(scope + "/" + day);
                    }
                }
            }
        }
        return parts;
    }

    private boolean overlaps(LocalDate start, LocalDate end) {
        return (from == null || end.isAfter(from)) && (until == null || start.isBefore(until));
    }

    private boolean covers(LocalDate start, LocalDate end) {
        return (from == null || !start.isBefore(from)) && (until == null || !end.isAfter(until));
    }
}
