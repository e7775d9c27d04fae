package org.civicledger.query.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Statistical disclosure control for one published answer: every count of people or of their acts goes
 * through it, so that no one can be singled out (docs/privacy.md). Two rules, one per kind of surface:
 *
 * <ul>
 *   <li>{@link Rule#BANDED}, for statistics that can be asked for over any period (dashboards, their
 *       exports, the ELoGE views): a count is shown as the band of five it falls in — {@code 10} stands for
 *       10 to 14 — and a count from 0 to 4 is withheld (null, {@code FEWER_THAN_FIVE}), zero included, so
 *       that a zero never tells where the few people are. Every figure shown stands for five values, so
 *       neither a breakdown's total and its other cells nor the difference of overlapping periods (two, or
 *       a period and the two around a part of it) pins down a withheld count. Should a breakdown's shown
 *       total still force every withheld cell to its top (five or more cells all withheld), one more is
 *       withheld as {@code COMPLEMENT}, which says nothing of its size.</li>
 *   <li>{@link Rule#EXACT}, for the counts of one item (an idea's votes, a consultation's answers), which no
 *       period changes: a count is shown as counted, but 1 to 4 are withheld ({@code SMALL}); a breakdown whose
 *       total is 1 to 4 is withheld whole, zeros included ({@code SMALL_TOTAL}); and while the withheld cells
 *       of a breakdown add up to less than five, or only one is withheld, the smallest cell still shown is
 *       withheld too ({@code COMPLEMENT}) — complementary suppression, so no withheld cell follows from the
 *       total and the cells shown.</li>
 * </ul>
 * The answer's {@link Marker} names every count withheld, by JSON Pointer, and why.
 */
public final class Disclosure {

    public static final int THRESHOLD = 5;
    public static final int BAND = 5;

    /** How the counts shown are published. */
    public enum Rule {
        /** As counted, 1 to 4 withheld: for the counts of one item. */
        EXACT,
        /** In bands of five, 0 to 4 withheld: for statistics over periods, which could be differenced. */
        BANDED
    }

    /** Why a count is withheld. */
    public enum Reason {
        /** 1 to 4 (exact rule). */
        SMALL,
        /** 0 to 4 (banded rule). */
        FEWER_THAN_FIVE,
        /** The breakdown's total is 1 to 4: every cell goes. */
        SMALL_TOTAL,
        /** Withheld so that another withheld count cannot be worked out; it may be of any size. */
        COMPLEMENT
    }

    /** What an answer says about its counts: the threshold, the band (1 when exact) and each count withheld. */
    public record Marker(int withheldBelow, int bandOf, Map<String, Reason> withheld) {
    }

    private final Rule rule;
    private final Map<String, Reason> withheld = new TreeMap<>();

    public Disclosure(Rule rule) {
        this.rule = rule;
    }

    /** One count as published at {@code pointer}: null when withheld. */
    public Long count(String pointer, long value) {
        Reason reason = withheldAlone(value);
        if (reason != null) {
            withheld.put(pointer, reason);
            return null;
        }
        return shown(value);
    }

    /**
     * A breakdown as published at {@code pointer}: its cells in the order given, each shown or null. Its
     * total (the cells' sum) is published on its own, through {@link #count}.
     */
    public Map<String, Long> table(String pointer, Map<String, Long> cells) {
        return table(cells, cell -> pointer + "/" + escape(cell));
    }

    /** As {@link #table(String, Map)}, each cell's pointer given by {@code pointerOf} (for cells in a list). */
    public Map<String, Long> table(Map<String, Long> cells, Function<String, String> pointerOf) {
        Map<String, Reason> why = rule == Rule.EXACT ? exactTable(cells) : bandedTable(cells);
        Map<String, Long> published = new LinkedHashMap<>();
        cells.forEach((cell, value) -> {
            Reason reason = why.get(cell);
            if (reason == null) {
                published.put(cell, shown(value));
            } else {
                published.put(cell, null);
                withheld.put(pointerOf.apply(cell), reason);
            }
        });
        return published;
    }

    private Map<String, Reason> exactTable(Map<String, Long> cells) {
        Map<String, Reason> why = new LinkedHashMap<>();
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0 && total < THRESHOLD) {
            cells.keySet().forEach(cell -> why.put(cell, Reason.SMALL_TOTAL));
            return why;
        }
        cells.forEach((cell, value) -> {
            if (value > 0 && value < THRESHOLD) {
                why.put(cell, Reason.SMALL);
            }
        });
        List<String> shownLeastFirst = leastFirst(cells, why);
        while (!why.isEmpty() && (why.size() < 2 || sum(cells, why) < THRESHOLD) && !shownLeastFirst.isEmpty()) {
            why.put(shownLeastFirst.remove(0), Reason.COMPLEMENT);
        }
        return why;
    }

    private Map<String, Reason> bandedTable(Map<String, Long> cells) {
        Map<String, Reason> why = new LinkedHashMap<>();
        cells.forEach((cell, value) -> {
            if (value < THRESHOLD) {
                why.put(cell, Reason.FEWER_THAN_FIVE);
            }
        });
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        long totalLow = total < THRESHOLD ? 0 : band(total);
        while (saturated(cells, why, totalLow)) {
            String largest = why.entrySet().stream().filter(e -> e.getValue() == Reason.FEWER_THAN_FIVE)
                    .map(Map.Entry::getKey).max((a, b) -> Long.compare(cells.get(a), cells.get(b))).orElseThrow();
            why.put(largest, Reason.COMPLEMENT);
        }
        return why;
    }

    /**
     * Whether a reader who knows the total's band and every other cell's could pin a withheld cell at its
     * top: the total's lowest value minus the others' highest reaches 4. Never with four cells or fewer.
     */
    private static boolean saturated(Map<String, Long> cells, Map<String, Reason> why, long totalLow) {
        if (why.containsValue(Reason.COMPLEMENT)) {
            return false; // a cell of unknown size leaves every other one open
        }
        for (String cell : why.keySet()) {
            long othersHigh = 0;
            for (Map.Entry<String, Long> other : cells.entrySet()) {
                if (!other.getKey().equals(cell)) {
                    othersHigh += why.containsKey(other.getKey()) ? THRESHOLD - 1 : band(other.getValue()) + BAND - 1;
                }
            }
            if (totalLow - othersHigh >= THRESHOLD - 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * A count as a statistic shows it, with no answer to mark: the first value of its band of five, or null
     * from 0 to 4. For figures computed from counts (an indicator's inputs), which must tell no more.
     */
    public static Long banded(long value) {
        return value < THRESHOLD ? null : band(value);
    }

    /** A share of two counts as bands show them: null when either is withheld, or nothing to share. */
    public static Double bandedShare(long part, long whole) {
        Long shownPart = part == 0 ? Long.valueOf(0) : banded(part);
        Long shownWhole = banded(whole);
        return shownPart == null || shownWhole == null ? null : (double) shownPart / shownWhole;
    }

    /** Takes in what another answer withheld, placed under {@code pointer} (a part of this answer). */
    public void include(String pointer, Marker part) {
        part.withheld().forEach((at, reason) -> withheld.put(pointer + at, reason));
    }

    /** The marker for the answer, naming every count withheld so far. */
    public Marker marker() {
        return new Marker(THRESHOLD, rule == Rule.BANDED ? BAND : 1, new TreeMap<>(withheld));
    }

    private Reason withheldAlone(long value) {
        if (rule == Rule.BANDED) {
            return value < THRESHOLD ? Reason.FEWER_THAN_FIVE : null;
        }
        return value > 0 && value < THRESHOLD ? Reason.SMALL : null;
    }

    private Long shown(long value) {
        return rule == Rule.EXACT ? value : band(value);
    }

    /** The first value of the band of five a count falls in. */
    private static long band(long value) {
        return value / BAND * BAND;
    }

    private static List<String> leastFirst(Map<String, Long> cells, Map<String, Reason> why) {
        return new ArrayList<>(cells.entrySet().stream()
                .filter(e -> !why.containsKey(e.getKey()) && e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList());
    }

    private static long sum(Map<String, Long> cells, Map<String, Reason> chosen) {
        return chosen.keySet().stream().mapToLong(cells::get).sum();
    }

    /** JSON Pointer escaping of a key (RFC 6901). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
