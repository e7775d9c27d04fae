package org.civicledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.civicledger.domain.idea.Channel;
import org.civicledger.query.dashboard.Dashboard.Participation;
import org.civicledger.query.dashboard.Dashboard.Support;
import org.civicledger.query.disclosure.Disclosure;
import org.bson.Document;
import org.civicledger.query.municipalday.Figures;
import org.civicledger.query.municipalday.MunicipalDays;

/**
 * Over random activity and random periods, the dashboard's counts of people's acts never show a count from
 * 1 to 4, and no count from 1 to 4 can be worked out: not from its breakdown's total and other cells, and
 * not from the difference of two overlapping periods, nor of a period and the two around a part of it. The
 * attacker here knows every rule: a count shown as {@code b} stands for b to b + 4, one withheld as fewer
 * than five for 0 to 4, one withheld as a complement for any count.
 */
class DisclosureProperties {

    private static final int DAYS = 40;

    /** One act as counted: what kind, on which channel, and the stated profile of an identified act. */
    record Act(String kind, Channel channel, String gender, String ageBand, String localCommunity) {
    }

    /** An act on a day. */
    record Dated(int day, Act act) {
    }

    @Provide
    Arbitrary<List<Dated>> activity() {
        Arbitrary<Act> act = Combinators.combine(
                Arbitraries.of("IDEA", "VOTE", "ANSWER", "OPINION"),
                Arbitraries.of("FEMALE", "MALE", "OTHER").injectNull(0.4),
                Arbitraries.of("18_24", "25_34", "65_PLUS").injectNull(0.5),
                Arbitraries.of("Centar", "Mahala", "Donji Vakuf/Gornji", "Stari Grad", "Luka").injectNull(0.3))
                .as((kind, gender, age, community) -> kind.equals("OPINION")
                        ? new Act(kind, Channel.BENCH, null, null, null)
                        : new Act(kind, Channel.WEB, gender, age, community));
        return Combinators.combine(Arbitraries.integers().between(0, DAYS - 1), act).as(Dated::new)
                .list().ofMaxSize(60);
    }

    /** Everything a window publishes of the acts, by pointer. */
    private static Map<String, Long> published(List<Dated> activity, int from, int to, Map<String, Disclosure.Reason> why) {
        Figures counted = new Figures();
        for (int day = from; day < to; day++) {
            Document kept = new Document("municipalityId", "maglaj").append("day", "2026-01-01");
            Document acts = new Document();
            int index = 0;
            for (Dated dated : activity) {
                if (dated.day() == day) {
                    Act a = dated.act();
                    acts.append("act" + index++, new MunicipalDays.ActEntry(0L, a.kind(), a.channel().name(), a.gender(),
                            a.ageBand(), a.localCommunity()).packed());
                }
            }
            counted.add(MunicipalDays.figuresOf(kept.append("acts", acts)));
        }
        Disclosure disclosure = new Disclosure(Disclosure.Rule.BANDED);
        Participation participation = DashboardReader.participation(counted, disclosure);
        Support support = DashboardReader.support(counted, disclosure);
        Map<String, Long> shown = new LinkedHashMap<>();
        shown.put("/participation/acts", participation.acts());
        put(shown, "/participation/byKind", participation.byKind());
        put(shown, "/participation/byChannel", participation.byChannel());
        put(shown, "/participation/byGender", participation.byGender());
        put(shown, "/participation/byAgeBand", participation.byAgeBand());
        put(shown, "/participation/byLocalCommunity", participation.byLocalCommunity());
        shown.put("/support/identifiedVotes", support.identifiedVotes());
        shown.put("/support/anonymousBenchOpinions", support.anonymousBenchOpinions());
        why.putAll(disclosure.marker().withheld());
        return shown;
    }

    /** The true counts, counted here directly from the acts, for every cell the dashboard shows. */
    private static Map<String, Long> truth(List<Dated> activity, int from, int to) {
        Map<String, Long> byKind = zeroes(List.of("ANSWER", "IDEA", "OPINION", "VOTE"));
        Map<String, Long> byChannel = zeroes(List.of("BENCH", "WEB"));
        Map<String, Long> byGender = zeroes(List.of("FEMALE", "MALE", "OTHER", "NOT_STATED"));
        Map<String, Long> byAgeBand = zeroes(List.of("18_24", "25_34", "35_44", "45_54", "55_64", "65_PLUS", "UNDER_18",
                "NOT_STATED"));
        Map<String, Long> byCommunity = zeroes(List.of("NOT_STATED"));
        long total = 0;
        for (Dated dated : activity) {
            if (dated.day() < from || dated.day() >= to) {
                continue;
            }
            Act act = dated.act();
            total++;
            byKind.merge(act.kind(), 1L, Long::sum);
            byChannel.merge(act.channel().name(), 1L, Long::sum);
            if (act.channel() == Channel.WEB) {
                byGender.merge(act.gender() == null ? "NOT_STATED" : act.gender(), 1L, Long::sum);
                byAgeBand.merge(act.ageBand() == null ? "NOT_STATED" : act.ageBand(), 1L, Long::sum);
                byCommunity.merge(act.localCommunity() == null ? "NOT_STATED" : act.localCommunity(), 1L, Long::sum);
            }
        }
        Map<String, Long> truth = new LinkedHashMap<>();
        truth.put("/participation/acts", total);
        put(truth, "/participation/byKind", byKind);
        put(truth, "/participation/byChannel", byChannel);
        put(truth, "/participation/byGender", byGender);
        put(truth, "/participation/byAgeBand", byAgeBand);
        put(truth, "/participation/byLocalCommunity", byCommunity);
        truth.put("/support/identifiedVotes", byKind.get("VOTE"));
        truth.put("/support/anonymousBenchOpinions", byKind.get("OPINION"));
        return truth;
    }

    private static Map<String, Long> zeroes(List<String> keys) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    private static void put(Map<String, Long> into, String pointer, Map<String, Long> cells) {
        cells.forEach((cell, value) -> into.put(pointer + "/" + cell.replace("~", "~0").replace("/", "~1"), value));
    }

    /** What a published count tells the attacker: the range of true counts it can stand for. */
    record Range(long low, long high) {
        static final long UNBOUNDED = Long.MAX_VALUE / 4;

        static Range of(Long shown, Disclosure.Reason why) {
            if (shown == null) {
                return why == Disclosure.Reason.FEWER_THAN_FIVE ? new Range(0, 4) : new Range(0, UNBOUNDED);
            }
            return new Range(shown, shown + 4);
        }

        Range minus(Range other) {
            return new Range(low - Math.min(other.high, UNBOUNDED), Math.min(high, UNBOUNDED) - other.low);
        }

        Range within(Range other) {
            return new Range(Math.max(low, other.low), Math.min(high, other.high));
        }

        boolean pinned() {
            return low == high;
        }
    }

    @Property(tries = 500)
    void noCountFromOneToFourIsShown(@ForAll("activity") List<Dated> activity,
                                     @ForAll @IntRange(max = DAYS) int from, @ForAll @IntRange(max = DAYS) int length) {
        Map<String, Long> shown = published(activity, from, Math.min(DAYS, from + length), new LinkedHashMap<>());

        assertThat(shown.values()).noneMatch(value -> value != null && value >= 1 && value <= 4);
    }

    @Property(tries = 500)
    void aWithheldCellDoesNotFollowFromItsTotalAndTheOtherCells(@ForAll("activity") List<Dated> activity,
                                                              @ForAll @IntRange(max = DAYS) int from,
                                                              @ForAll @IntRange(max = DAYS) int length) {
        int to = Math.min(DAYS, from + length);
        Map<String, Disclosure.Reason> why = new LinkedHashMap<>();
        Map<String, Long> shown = published(activity, from, to, why);
        Map<String, Long> truth = truth(activity, from, to);
        Range acts = Range.of(shown.get("/participation/acts"), why.get("/participation/acts"));
        Range identified = Range.of(shown.get("/participation/byChannel/WEB"), why.get("/participation/byChannel/WEB"));
        for (String table : List.of("byKind", "byChannel", "byGender", "byAgeBand", "byLocalCommunity")) {
            Range total = table.equals("byKind") || table.equals("byChannel") ? acts : identified;
            List<String> cells = shown.keySet().stream().filter(p -> p.startsWith("/participation/" + table + "/")).toList();
            for (String cell : cells) {
                if (shown.get(cell) != null) {
                    continue;
                }
                Range derived = total;
                for (String other : cells) {
                    if (!other.equals(cell)) {
                        derived = derived.minus(Range.of(shown.get(other), why.get(other)));
                    }
                }
                Range known = derived.within(Range.of(null, why.get(cell))).within(new Range(0, Range.UNBOUNDED));
                long true_ = truth.get(cell);
                assertThat(known.pinned() && true_ >= 1 && true_ <= 4).as("%s (truly %d) follows from its total and "
                        + "the rest of %s: %s", cell, true_, table, shown).isFalse();
            }
        }
    }

    /** A period as published: its counts and why each withheld one is. */
    record Window(Map<String, Long> shown, Map<String, Disclosure.Reason> why, Map<String, Long> truth) {
        static Window of(List<Dated> activity, int from, int to) {
            Map<String, Disclosure.Reason> why = new LinkedHashMap<>();
            Map<String, Long> shown = published(activity, from, to, why);
            return new Window(shown, why, DisclosureProperties.truth(activity, from, to));
        }

        /** A cell the period does not list (a local community nobody named in it) is known to be zero. */
        Range range(String pointer) {
            return shown.containsKey(pointer) ? Range.of(shown.get(pointer), why.get(pointer)) : new Range(0, 0);
        }
    }

    @Property(tries = 500)
    void noSmallCountFollowsFromTheDifferenceOfOverlappingPeriods(@ForAll("activity") List<Dated> activity,
                                                                @ForAll @IntRange(max = DAYS) int a,
                                                                @ForAll @IntRange(max = DAYS) int b,
                                                                @ForAll @IntRange(max = DAYS) int c,
                                                                @ForAll @IntRange(max = DAYS) int d) {
        int[] e = java.util.stream.IntStream.of(a, b, c, d).sorted().toArray();
        Window whole = Window.of(activity, e[0], e[3]);
        Window before = Window.of(activity, e[0], e[1]);
        Window after = Window.of(activity, e[2], e[3]);
        Window part = Window.of(activity, e[1], e[2]);
        Window rest = Window.of(activity, e[1], e[3]);
        Range nonNegative = new Range(0, Range.UNBOUNDED);
        Set<String> pointers = new java.util.TreeSet<>(whole.shown().keySet());
        pointers.addAll(part.shown().keySet());
        pointers.addAll(rest.shown().keySet());
        for (String pointer : pointers) {
            long restTruth = rest.truth().getOrDefault(pointer, 0L);
            if (restTruth >= 1 && restTruth <= 4) { // the whole minus the period before it
                Range derived = whole.range(pointer).minus(before.range(pointer)).within(rest.range(pointer))
                        .within(nonNegative);
                assertThat(derived.pinned()).as("%s of days [%d, %d) (truly %d) follows from [%d, %d) and [%d, %d)",
                        pointer, e[1], e[3], restTruth, e[0], e[3], e[0], e[1]).isFalse();
            }
            long partTruth = part.truth().getOrDefault(pointer, 0L);
            if (partTruth >= 1 && partTruth <= 4) { // the whole minus the periods on either side of the part
                Range derived = whole.range(pointer).minus(before.range(pointer)).minus(after.range(pointer))
                        .within(part.range(pointer)).within(nonNegative);
                assertThat(derived.pinned()).as("%s of days [%d, %d) (truly %d) follows from the periods around it",
                        pointer, e[1], e[2], partTruth).isFalse();
            }
        }
    }
}
