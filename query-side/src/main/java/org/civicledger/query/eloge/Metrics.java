package org.civicledger.query.eloge;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.civicledger.query.dashboard.Dashboard;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.participation.ParticipationProjection;
import org.springframework.stereotype.Component;

/**
 * The indicators that can be computed from the events, each with its formula and the inputs it used.
 * A catalogue maps its principles to these by key; docs/eloge.md explains each one.
 */
@Component
public class Metrics {

    /** A computed value (null when there is nothing to compute it from) and the inputs it came from. */
    public record Measured(Double value, Map<String, Object> inputs) {
    }

    /** One metric: what it is, which way is better, how it is computed. */
    public record Metric(String key, String unit, String better, String formula,
                         BiFunction<Scope, Dashboard, Measured> compute) {
    }

    /** The documents of one municipality's ideas in the year, and its dashboard for the year. */
    public record Scope(String municipalityId, Bson ideasOfTheYear, Bson ideasAnsweredInTheYear, Bson actsOfTheYear) {
    }

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final MongoCollection<Document> ideas;
    private final ParticipationProjection participations;

    public Metrics(MongoDatabase readStore, ParticipationProjection participations) {
        this.ideas = readStore.getCollection(IdeaProjection.COLLECTION);
        this.participations = participations;
        add("participation.acts", "count", "higher",
                "acts people took part with in the year: ideas, votes that stand, consultation answers, bench opinions "
                        + "(in bands of five; null from 0 to 4)",
                (s, d) -> count(d.participation().acts(), "acts"));
        add("ideas.submitted", "count", "higher", "ideas submitted in the year (in bands of five; null from 0 to 4)",
                (s, d) -> count(d.ideas().total(), "ideas"));
        add("localCommunities.reached", "count", "higher",
                "distinct local communities (MZ) that ideas of the year were left for",
                (s, d) -> count(Disclosure.banded(d.ideas().byLocalCommunity().keySet().stream()
                        .filter(k -> !"NONE".equals(k)).count()), "localCommunities"));
        add("answers.medianDays", "days", "lower",
                "median days from forwarding to the first municipal answer, ideas forwarded in the year",
                (s, d) -> new Measured(d.responsiveness().medianDaysToAnswer(),
                        inputs("answered", d.responsiveness().answered(), "forwarded", d.responsiveness().forwarded())));
        add("answers.within30DaysShare", "share", "higher",
                "answered within 30 days ÷ (answered + waiting more than 30 days), ideas forwarded in the year",
                (s, d) -> new Measured(d.responsiveness().answeredWithin30DaysShare(),
                        inputs("forwarded", d.responsiveness().forwarded())));
        add("accepted.completedShare", "share", "higher",
                "completed ÷ accepted (fully or partly), ideas first answered in the year",
                (s, d) -> new Measured(d.accountability().completedShare(),
                        inputs("accepted", d.accountability().accepted(), "completed", d.accountability().completed())));
        add("answers.withRationaleShare", "share", "higher",
                "municipal answers published with a written rationale ÷ all answers, ideas first answered in the year",
                (s, d) -> share(ideas, s.ideasAnsweredInTheYear(), exists("response.rationale"), "answered", "withRationale"));
        add("consultations.concludedShare", "share", "higher",
                "consultations of the year with a published conclusion ÷ closed consultations of the year",
                (s, d) -> {
                    long closed = d.consultations().stream().filter(c -> "CLOSED".equals(c.status())).count();
                    long concluded = d.consultations().stream().filter(c -> c.conclusion() != null).count();
                    return new Measured(Disclosure.bandedShare(concluded, closed),
                            inputs("closed", Disclosure.banded(closed), "concluded", shown(concluded)));
                });
        add("moderation.restoredOnAppealShare", "share", "lower",
                "ideas of the year restored on appeal ÷ ideas of the year moderation acted on",
                (s, d) -> share(ideas, and(s.ideasOfTheYear(), exists("moderation")), eq("moderation.hidden", false),
                        "moderated", "restoredOnAppeal"));
        add("moderation.withReasonShare", "share", "higher",
                "moderation decisions on ideas of the year that cite a reason ÷ all such decisions",
                (s, d) -> share(ideas, and(s.ideasOfTheYear(), exists("moderation")), exists("moderation.reason"),
                        "moderated", "withReason"));
        add("answers.departments", "count", "higher",
                "distinct municipal departments named in answers to ideas first answered in the year",
                (s, d) -> {
                    Set<String> departments = new HashSet<>();
                    ideas.find(s.ideasAnsweredInTheYear()).forEach(i -> departments.add(
                            i.get("response", Document.class).getString("department")));
                    return count(Disclosure.banded(departments.size()), "departments");
                });
        add("answers.needsInformationShare", "share", "lower",
                "ideas first answered in the year that were ever answered NEEDS_INFORMATION ÷ ideas answered",
                (s, d) -> share(ideas, s.ideasAnsweredInTheYear(), eq("answerDecisions", "NEEDS_INFORMATION"),
                        "answered", "neededInformation"));
        add("ideas.benchShare", "share", "higher",
                "ideas left on a smart bench ÷ all ideas of the year",
                (s, d) -> share(ideas, s.ideasOfTheYear(), eq("channel", "BENCH"), "ideas", "bench"));
        add("consultations.opened", "count", "higher", "consultations opened in the year",
                (s, d) -> count(Disclosure.banded(d.consultations().size()), "consultations"));
        add("actions.communityProjectShare", "share", "higher",
                "community projects ÷ all actions CSOs took on ideas of the year",
                (s, d) -> share(ideas, and(s.ideasOfTheYear(), exists("action")), eq("action.kind", "COMMUNITY_PROJECT"),
                        "actions", "communityProjects"));
        add("participants.womenShareOfStated", "share", "higher",
                "acts by women ÷ acts by participants who stated a gender, in the year",
                (s, d) -> {
                    long stated = 0;
                    long women = 0;
                    for (Document act : participations.actsIn(s.municipalityId(), s.actsOfTheYear())) {
                        Document profile = act.get("profile", Document.class);
                        String gender = profile == null ? null : profile.getString("gender");
                        if (gender != null && !"NOT_STATED".equals(gender)) {
                            stated++;
                            women += "FEMALE".equals(gender) ? 1 : 0;
                        }
                    }
                    return new Measured(Disclosure.bandedShare(women, stated),
                            inputs("stated", Disclosure.banded(stated), "women", shown(women)));
                });
        add("ideas.languages", "count", "higher", "distinct languages and scripts ideas of the year were written in",
                (s, d) -> {
                    Set<String> languages = new HashSet<>();
                    ideas.find(s.ideasOfTheYear()).forEach(i -> languages.add(i.getString("language")));
                    return count(Disclosure.banded(languages.size()), "languages");
                });
        add("accepted.withProgressShare", "share", "higher",
                "accepted ideas with at least one progress report ÷ accepted ideas, first answered in the year",
                (s, d) -> share(ideas, and(s.ideasAnsweredInTheYear(),
                        com.mongodb.client.model.Filters.in("status", List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "COMPLETED"))),
                        exists("progress"), "accepted", "withProgress"));
    }

    private void add(String key, String unit, String better, String formula, BiFunction<Scope, Dashboard, Measured> compute) {
        metrics.put(key, new Metric(key, unit, better, formula, compute));
    }

    public boolean knows(String key) {
        return metrics.containsKey(key);
    }

    public Metric metric(String key) {
        return metrics.get(key);
    }

    public java.util.Collection<Metric> all() {
        return metrics.values();
    }

    private static Measured count(Long value, String input) {
        return new Measured(value == null ? null : (double) value, inputs(input, value));
    }

    /**
     * A share counted from the ideas, computed from the bands the counts would show (never from the counts
     * themselves, which would tell a withheld count: a share of 0.2 of 5 to 9 can only be 1 of 5).
     */
    private static Measured share(MongoCollection<Document> collection, Bson of, Bson which, String total, String part) {
        long all = collection.countDocuments(of);
        long some = all == 0 ? 0 : collection.countDocuments(and(of, which));
        return new Measured(Disclosure.bandedShare(some, all), inputs(total, Disclosure.banded(all), part, shown(some)));
    }

    /** A part as an indicator's inputs show it: zero as zero (a share of nothing), else banded. */
    private static Long shown(long part) {
        return part == 0 ? Long.valueOf(0) : Disclosure.banded(part);
    }

    private static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }
}
