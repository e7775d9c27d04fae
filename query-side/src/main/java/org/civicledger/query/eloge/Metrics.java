package org.civicledger.query.eloge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.civicledger.query.dashboard.AnswerTimes;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.municipalday.Figures;
import org.springframework.stereotype.Component;

/**
 * The indicators that can be computed from the events, each with its formula and the inputs it used, all from a
 * municipality's figures of one year (kept by day as the events arrive). A catalogue maps its principles to these
 * by key; docs/eloge.md explains each one. Counts are shown as their band of five (null from 0 to 4), and shares
 * are computed from the bands, never from the exact counts (a share of 0.2 of 5 to 9 could only be 1 of 5).
 */
@Component
public class Metrics {

    /** A computed value (null when there is nothing to compute it from) and the inputs it came from. */
    public record Measured(Double value, Map<String, Object> inputs) {
    }

    /** One metric: what it is, which way is better, how it is computed from a year's figures and the time now. */
    public record Metric(String key, String unit, String better, String formula, BiFunction<Figures, Long, Measured> compute) {
    }

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public Metrics() {
        add("participation.acts", "count", "higher",
                "acts people took part with in the year: ideas, votes that stand, consultation answers, bench opinions "
                        + "(in bands of five; null from 0 to 4)",
                (f, now) -> count(f.acts, "acts"));
        add("ideas.submitted", "count", "higher", "ideas submitted in the year (in bands of five; null from 0 to 4)",
                (f, now) -> count(sum(f.channel.values()), "ideas"));
        add("localCommunities.reached", "count", "higher",
                "distinct local communities (MZ) that ideas of the year were left for",
                (f, now) -> count(f.localCommunity.entrySet().stream()
                        .filter(e -> !"NONE".equals(e.getKey()) && e.getValue() > 0).count(), "localCommunities"));
        add("answers.medianDays", "days", "lower",
                "median days from forwarding to the first municipal answer, ideas forwarded in the year",
                (f, now) -> new Measured(AnswerTimes.percentile(f.answerMilliDays, 0.5),
                        inputs("answered", Disclosure.banded(f.answered), "forwarded", Disclosure.banded(f.forwarded))));
        add("answers.within30DaysShare", "share", "higher",
                "answered within 30 days ÷ (answered + waiting more than 30 days), ideas forwarded in the year",
                (f, now) -> new Measured(Disclosure.bandedShare(f.answeredWithin30Days,
                        AnswerTimes.judged(f.answered, f.unansweredSince, now)),
                        inputs("forwarded", Disclosure.banded(f.forwarded))));
        add("accepted.completedShare", "share", "higher",
                "completed ÷ accepted (fully or partly), ideas first answered in the year",
                (f, now) -> new Measured(Disclosure.bandedShare(f.completed, f.accepted),
                        inputs("accepted", Disclosure.banded(f.accepted), "completed", Disclosure.banded(f.completed))));
        add("answers.withRationaleShare", "share", "higher",
                "municipal answers published with a written rationale ÷ all answers, ideas first answered in the year",
                (f, now) -> share(f.withRationale, f.firstAnswered, "answered", "withRationale"));
        add("consultations.concludedShare", "share", "higher",
                "consultations of the year with a published conclusion ÷ closed consultations of the year",
                (f, now) -> {
                    long closed = f.consultationsClosed + f.openUntil.entrySet().stream()
                            .filter(e -> e.getKey() <= now).mapToLong(Map.Entry::getValue).sum();
                    return share(f.consultationsConcluded, closed, "closed", "concluded");
                });
        add("moderation.restoredOnAppealShare", "share", "lower",
                "ideas of the year restored on appeal ÷ ideas of the year moderation acted on",
                (f, now) -> share(f.restoredOnAppeal, f.moderated, "moderated", "restoredOnAppeal"));
        add("moderation.withReasonShare", "share", "higher",
                "moderation decisions on ideas of the year that cite a reason ÷ all such decisions",
                (f, now) -> share(f.moderatedWithReason, f.moderated, "moderated", "withReason"));
        add("answers.departments", "count", "higher",
                "distinct municipal departments named in answers to ideas first answered in the year",
                (f, now) -> count(f.departments.size(), "departments"));
        add("answers.needsInformationShare", "share", "lower",
                "ideas first answered in the year that were ever answered NEEDS_INFORMATION ÷ ideas answered",
                (f, now) -> share(f.neededInformation, f.firstAnswered, "answered", "neededInformation"));
        add("ideas.benchShare", "share", "higher",
                "ideas left on a smart bench ÷ all ideas of the year",
                (f, now) -> share(f.channel.getOrDefault("BENCH", 0L), sum(f.channel.values()), "ideas", "bench"));
        add("consultations.opened", "count", "higher", "consultations opened in the year",
                (f, now) -> count(f.consultations, "consultations"));
        add("actions.communityProjectShare", "share", "higher",
                "community projects ÷ all actions CSOs took on ideas of the year",
                (f, now) -> share(f.actions.getOrDefault("COMMUNITY_PROJECT", 0L), sum(f.actions.values()),
                        "actions", "communityProjects"));
        add("participants.womenShareOfStated", "share", "higher",
                "acts by women ÷ acts by participants who stated a gender, in the year",
                (f, now) -> share(f.actsByGender.getOrDefault("FEMALE", 0L), f.actsByGender.entrySet().stream()
                        .filter(e -> !"NOT_STATED".equals(e.getKey())).mapToLong(Map.Entry::getValue).sum(),
                        "stated", "women"));
        add("ideas.languages", "count", "higher", "distinct languages and scripts ideas of the year were written in",
                (f, now) -> count(f.language.size(), "languages"));
        add("accepted.withProgressShare", "share", "higher",
                "accepted ideas with at least one progress report ÷ accepted ideas, first answered in the year",
                (f, now) -> share(f.acceptedWithProgress, f.accepted, "accepted", "withProgress"));
    }

    private void add(String key, String unit, String better, String formula, BiFunction<Figures, Long, Measured> compute) {
        metrics.put(key, new Metric(key, unit, better, formula, compute));
    }

    public boolean knows(String key) {
        return metrics.containsKey(key);
    }

    public Metric metric(String key) {
        return metrics.get(key);
    }

    public Collection<Metric> all() {
        return metrics.values();
    }

    private static long sum(Collection<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** A count as an indicator shows it: its band of five, null from 0 to 4. */
    private static Measured count(long exact, String input) {
        Long shown = Disclosure.banded(exact);
        return new Measured(shown == null ? null : (double) shown, inputs(input, shown));
    }

    /** A share of two counts, computed from the bands they would show. */
    private static Measured share(long part, long whole, String wholeName, String partName) {
        return new Measured(Disclosure.bandedShare(part, whole),
                inputs(wholeName, Disclosure.banded(whole), partName, part == 0 ? Long.valueOf(0) : Disclosure.banded(part)));
    }

    private static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }
}
