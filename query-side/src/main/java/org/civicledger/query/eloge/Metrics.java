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
import org.civicledger.query.idea.IdeaProjection;
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
    public record Scope(String municipalityId, Bson ideasOfTheYear, Bson ideasAnsweredInTheYear) {
    }

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final MongoCollection<Document> ideas;

    public Metrics(MongoDatabase readStore) {
        this.ideas = readStore.getCollection(IdeaProjection.COLLECTION);
        add("participation.acts", "count", "higher",
                "acts people took part with in the year: ideas, votes that stand, consultation answers, bench opinions "
                        + "(rounded to 5; null when from 1 to 4)",
                (s, d) -> count(d.participation().acts(), "acts"));
        add("ideas.submitted", "count", "higher", "ideas submitted in the year (rounded to 5; null when from 1 to 4)",
                (s, d) -> count(d.ideas().total(), "ideas"));
        add("localCommunities.reached", "count", "higher",
                "distinct local communities (MZ) that ideas of the year were left for",
                (s, d) -> count(d.ideas().byLocalCommunity().keySet().stream().filter(k -> !"NONE".equals(k)).count(),
                        "localCommunities"));
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
                    return new Measured(closed == 0 ? null : (double) concluded / closed,
                            inputs("closed", closed, "concluded", concluded));
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
                    return count(departments.size(), "departments");
                });
        add("answers.needsInformationShare", "share", "lower",
                "ideas first answered in the year that were ever answered NEEDS_INFORMATION ÷ ideas answered",
                (s, d) -> share(ideas, s.ideasAnsweredInTheYear(), eq("answerDecisions", "NEEDS_INFORMATION"),
                        "answered", "neededInformation"));
        add("ideas.benchShare", "share", "higher",
                "ideas left on a smart bench ÷ all ideas of the year, from the published (rounded) counts; "
                        + "not computed where a count is withheld",
                (s, d) -> share(d.ideas().byChannel().get("BENCH"), d.ideas().total(), "bench", "ideas"));
        add("consultations.opened", "count", "higher", "consultations opened in the year",
                (s, d) -> count(d.consultations().size(), "consultations"));
        add("actions.communityProjectShare", "share", "higher",
                "community projects ÷ all actions CSOs took on ideas of the year",
                (s, d) -> {
                    long actions = d.actionsByKind().values().stream().mapToLong(Long::longValue).sum();
                    long projects = d.actionsByKind().getOrDefault("COMMUNITY_PROJECT", 0L);
                    return new Measured(actions == 0 ? null : (double) projects / actions,
                            inputs("actions", actions, "communityProjects", projects));
                });
        add("participants.womenShareOfStated", "share", "higher",
                "women ÷ participants who stated a gender, in the year; not computed where counts are withheld (below 5)",
                (s, d) -> {
                    Map<String, Long> gender = d.participation().byGender();
                    Long women = gender.get("FEMALE");
                    long stated = gender.entrySet().stream().filter(e -> !"NOT_STATED".equals(e.getKey()))
                            .mapToLong(e -> e.getValue() == null ? -1 : e.getValue()).reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
                    boolean withheld = women == null || stated < 0;
                    return new Measured(withheld || stated == 0 ? null : (double) women / stated,
                            inputs("withheld", withheld, "stated", withheld ? null : stated));
                });
        add("ideas.languages", "count", "higher", "distinct languages and scripts ideas of the year were written in",
                (s, d) -> {
                    Set<String> languages = new HashSet<>();
                    ideas.find(s.ideasOfTheYear()).forEach(i -> languages.add(i.getString("language")));
                    return count(languages.size(), "languages");
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

    private static Measured count(long value, String input) {
        return count(Long.valueOf(value), input);
    }

    private static Measured count(Long value, String input) {
        return new Measured(value == null ? null : (double) value, inputs(input, value));
    }

    /** A share of two published counts; null when either is withheld or the whole is zero. */
    private static Measured share(Long part, Long whole, String partName, String wholeName) {
        return new Measured(part == null || whole == null || whole == 0 ? null : (double) part / whole,
                inputs(wholeName, whole, partName, part));
    }

    private static Measured share(MongoCollection<Document> collection, Bson of, Bson which, String total, String part) {
        long all = collection.countDocuments(of);
        long some = all == 0 ? 0 : collection.countDocuments(and(of, which));
        return new Measured(all == 0 ? null : (double) some / all, inputs(total, all, part, some));
    }

    private static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }
}
