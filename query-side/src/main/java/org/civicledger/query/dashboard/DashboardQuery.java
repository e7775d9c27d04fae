package org.civicledger.query.dashboard;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.civicledger.domain.idea.ActionKind;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.query.consultation.ConsultationView;
import org.civicledger.query.consultation.ConsultationView.ListConsultations;
import org.civicledger.query.dashboard.Dashboard.AcceptedIdea;
import org.civicledger.query.dashboard.Dashboard.Accountability;
import org.civicledger.query.dashboard.Dashboard.ConsultationSummary;
import org.civicledger.query.dashboard.Dashboard.FindMunicipalDashboard;
import org.civicledger.query.dashboard.Dashboard.FindNetworkDashboard;
import org.civicledger.query.dashboard.Dashboard.Ideas;
import org.civicledger.query.dashboard.Dashboard.Participation;
import org.civicledger.query.dashboard.Dashboard.Period;
import org.civicledger.query.dashboard.Dashboard.Responsiveness;
import org.civicledger.query.dashboard.Dashboard.Support;
import org.civicledger.query.dashboard.Dashboard.Waiting;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.municipality.MunicipalityQueries.FindMunicipality;
import org.civicledger.query.municipality.MunicipalityView;
import org.civicledger.query.participation.ParticipationProjection;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.readstore.Page;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes dashboards from the read models at query time. Counting from the documents themselves,
 * rather than keeping counters, makes every figure idempotent by construction: no replay, restart or
 * duplicate can count anything twice. Readers share a dashboard computed up to
 * {@code civic.dashboard.max-age} ago ({@link RecentDashboards}), so a crowd asking for one dashboard costs
 * one computation.
 */
@Component
class DashboardQuery {

    static final Duration ANSWER_TARGET = Duration.ofDays(30);
    private static final int LISTED = 10;
    private static final Set<String> ACCEPTED = Set.of(IdeaStatus.ACCEPTED.name(), IdeaStatus.PARTIALLY_ACCEPTED.name(),
            IdeaStatus.COMPLETED.name());

    private final MongoCollection<Document> ideas;
    private final ParticipationProjection participations;
    private final QueryGateway queries;
    private final Clock clock;
    private final org.civicledger.query.bench.BenchProjection benches;
    private final TextVault texts;

    private final RecentDashboards recent;

    DashboardQuery(MongoDatabase readStore, QueryGateway queries, Clock clock,
                   org.civicledger.query.bench.BenchProjection benches, ParticipationProjection participations,
                   TextVault texts, @Value("${civic.dashboard.max-age:PT5S}") Duration maxAge) {
        this.benches = benches;
        this.recent = new RecentDashboards(maxAge, clock);
        this.ideas = readStore.getCollection(IdeaProjection.COLLECTION);
        this.participations = participations;
        this.texts = texts;
        this.queries = queries;
        this.clock = clock;
    }

    @QueryHandler
    Optional<Dashboard> handle(FindMunicipalDashboard query) {
        Optional<MunicipalityView> municipality = queries.query(new FindMunicipality(query.municipalityId()),
                ResponseTypes.optionalInstanceOf(MunicipalityView.class)).join();
        return municipality.map(m -> recent.get(query,
                () -> dashboard(m.municipalityId(), m.name(), new Period(query.from(), query.to()))));
    }

    @QueryHandler
    Dashboard handle(FindNetworkDashboard query) {
        return recent.get(query,
                () -> dashboard(null, "Network for Participatory Democracy", new Period(query.from(), query.to())));
    }

    private Dashboard dashboard(String municipalityId, String name, Period period) {
        Disclosure disclosure = new Disclosure(Disclosure.Rule.BANDED);
        Bson ideasInPeriod = scope(municipalityId, "submittedAt", period);
        ParticipationFigures.Counted acts = acts(municipalityId, period);
        List<Document> accepted = new ArrayList<>();
        ideas.find(and(scope(municipalityId, "firstAnsweredAt", period), in("status", ACCEPTED))).forEach(accepted::add);
        List<Document> forwarded = new ArrayList<>();
        ideas.find(scope(municipalityId, "action.at", period)).forEach(forwarded::add);
        List<Document> shownTitles = new ArrayList<>();
        java.util.stream.Stream.concat(forwarded.stream(), accepted.stream())
                .filter(idea -> !idea.getBoolean("hidden", false))
                .forEach(idea -> shownTitles.add(idea.get("title", Document.class)));
        SealedDocuments.Opened titles = SealedDocuments.open(texts, shownTitles);
        return new Dashboard(municipalityId, name, period,
                ideaCounts(ideasInPeriod, disclosure),
                ParticipationFigures.support(acts, disclosure),
                disclosure.table("/validationsByDecision", validations(ideasInPeriod)),
                disclosure.table("/actionsByKind",
                        countBy(ideas, and(ideasInPeriod, exists("action")), "action.kind", names(ActionKind.values()))),
                responsiveness(forwarded, titles, disclosure),
                accountability(accepted, titles, disclosure),
                ParticipationFigures.participation(acts, disclosure),
                consultations(municipalityId, period, disclosure),
                benchSummaries(municipalityId, period, disclosure),
                disclosure.marker());
    }

    private List<Dashboard.BenchSummary> benchSummaries(String municipalityId, Period period, Disclosure disclosure) {
        List<Dashboard.BenchSummary> summaries = new ArrayList<>();
        for (var b : benches.all(municipalityId, Page.EVERYTHING)) {
            var use = benches.use(b.benchId(), period.from(), period.to());
            String at = "/benches/" + summaries.size();
            summaries.add(new Dashboard.BenchSummary(b.benchId(), b.status(), use.lastSeen(), use.lastState(),
                    use.batteryPercent(), disclosure.count(at + "/reports", use.reports()),
                    disclosure.count(at + "/wifiClients", use.wifiClients()),
                    disclosure.count(at + "/chargingSessions", use.chargingSessions())));
        }
        return summaries;
    }

    /** The acts that count in the period. */
    private ParticipationFigures.Counted acts(String municipalityId, Period period) {
        List<ParticipationFigures.Act> acts = new ArrayList<>();
        for (Document act : participations.actsIn(municipalityId, scope(null, "at", period))) {
            Document profile = act.get("profile", Document.class);
            acts.add(new ParticipationFigures.Act(ParticipationProjection.Kind.valueOf(act.getString("kind")),
                    Channel.valueOf(act.getString("channel")), profile == null ? null : profile.getString("gender"),
                    profile == null ? null : profile.getString("ageBand"),
                    profile == null ? null : profile.getString("localCommunity")));
        }
        return ParticipationFigures.count(acts);
    }

    /** Documents of one municipality (or all) whose {@code field} falls in the period. */
    private static Bson scope(String municipalityId, String field, Period period) {
        List<Bson> filters = new ArrayList<>();
        if (municipalityId != null) {
            filters.add(eq("municipalityId", municipalityId));
        }
        filters.add(exists(field));
        if (period.from() != null) {
            filters.add(gte(field, Date.from(period.from())));
        }
        if (period.to() != null) {
            filters.add(lt(field, Date.from(period.to())));
        }
        return and(filters);
    }

    private Ideas ideaCounts(Bson scope, Disclosure disclosure) {
        Map<String, Long> byChannel = countBy(ideas, scope, "channel", names(Channel.values()));
        return new Ideas(disclosure.count("/ideas/total", byChannel.values().stream().mapToLong(Long::longValue).sum()),
                disclosure.table("/ideas/byStatus", countBy(ideas, scope, "status", names(IdeaStatus.values()))),
                disclosure.table("/ideas/byTopic", countBy(ideas, scope, "topic", List.of())),
                disclosure.table("/ideas/byChannel", byChannel),
                disclosure.table("/ideas/byLocalCommunity", countBy(ideas, scope, "localCommunity", List.of())));
    }

    private Map<String, Long> validations(Bson scope) {
        Map<String, Long> counts = zeroes(names(ValidationDecision.values()));
        ideas.find(scope).forEach(idea -> idea.getList("validations", Document.class, List.of()).stream()
                .filter(v -> v.getBoolean("current", false))
                .forEach(v -> counts.merge(v.getString("decision"), 1L, Long::sum)));
        return counts;
    }

    private Responsiveness responsiveness(List<Document> forwardedInPeriod, SealedDocuments.Opened titles,
                                          Disclosure disclosure) {
        Instant now = clock.instant();
        List<Double> answerDays = new ArrayList<>();
        List<Waiting> waiting = new ArrayList<>();
        long forwarded = 0;
        long judged = 0;
        long withinTarget = 0;
        for (Document idea : forwardedInPeriod) {
            forwarded++;
            Instant forwardedAt = idea.get("action", Document.class).getDate("at").toInstant();
            Date answered = idea.getDate("firstAnsweredAt");
            if (answered != null) {
                Duration took = Duration.between(forwardedAt, answered.toInstant());
                answerDays.add(days(took));
                judged++;
                withinTarget += took.compareTo(ANSWER_TARGET) <= 0 ? 1 : 0;
            } else {
                Duration waited = Duration.between(forwardedAt, now);
                judged += waited.compareTo(ANSWER_TARGET) > 0 ? 1 : 0;
                waiting.add(new Waiting(idea.getString("_id"), idea.getString("municipalityId"),
                        titleOf(idea, titles), forwardedAt, days(waited)));
            }
        }
        answerDays.sort(Comparator.naturalOrder());
        waiting.sort(Comparator.comparing(Waiting::forwardedAt));
        return new Responsiveness(disclosure.count("/responsiveness/forwarded", forwarded),
                disclosure.count("/responsiveness/answered", answerDays.size()), percentile(answerDays, 0.5),
                percentile(answerDays, 0.9), Disclosure.bandedShare(withinTarget, judged),
                waiting.subList(0, Math.min(LISTED, waiting.size())));
    }

    /** An idea's title where a list shows it: null while the idea is hidden, or its title withheld. */
    private static String titleOf(Document idea, SealedDocuments.Opened titles) {
        return idea.getBoolean("hidden", false) ? null : titles.text(idea.get("title", Document.class));
    }

    private static Accountability accountability(List<Document> accepted, SealedDocuments.Opened titles,
                                                 Disclosure disclosure) {
        long completed = accepted.stream().filter(i -> IdeaStatus.COMPLETED.name().equals(i.getString("status"))).count();
        List<AcceptedIdea> listed = accepted.stream()
                .sorted(Comparator.comparing((Document i) -> i.getDate("firstAnsweredAt")).reversed())
                .limit(50)
                .map(i -> new AcceptedIdea(i.getString("_id"), titleOf(i, titles),
                        i.getString("status"), Optional.ofNullable(i.get("progress", Document.class))
                                .map(p -> p.getInteger("percent")).orElse(0)))
                .toList();
        return new Accountability(disclosure.count("/accountability/accepted", accepted.size()),
                disclosure.count("/accountability/completed", completed), Disclosure.bandedShare(completed, accepted.size()),
                listed);
    }

    /** The consultations opened in the period, their answers as each one's own page shows them (withheld alike). */
    private List<ConsultationSummary> consultations(String municipalityId, Period period, Disclosure disclosure) {
        List<ConsultationView> all = queries.query(new ListConsultations(municipalityId, Page.EVERYTHING),
                ResponseTypes.multipleInstancesOf(ConsultationView.class)).join();
        List<ConsultationSummary> summaries = new ArrayList<>();
        for (ConsultationView c : all) {
            if ((period.from() == null || !c.opensAt().isBefore(period.from()))
                    && (period.to() == null || c.opensAt().isBefore(period.to()))) {
                String at = "/consultations/" + summaries.size();
                c.disclosure().withheld().forEach((pointer, reason) -> {
                    if (pointer.equals("/identifiedAnswers") || pointer.equals("/anonymousOpinions")) {
                        disclosure.include(at, new Disclosure.Marker(0, 0, Map.of(pointer, reason)));
                    }
                });
                summaries.add(new ConsultationSummary(c.consultationId(), c.question(), c.status(), c.identifiedAnswers(),
                        c.anonymousOpinions(), c.conclusion()));
            }
        }
        return summaries;
    }

    private static Map<String, Long> countBy(MongoCollection<Document> collection, Bson scope, String field,
                                             List<String> alwaysShown) {
        Map<String, Long> counts = zeroes(alwaysShown);
        collection.aggregate(List.of(match(scope), group("$" + field, sum("count", 1))))
                .forEach(d -> counts.put(d.get("_id") == null ? "NONE" : String.valueOf(d.get("_id")),
                        ((Number) d.get("count")).longValue()));
        return counts;
    }

    private static Map<String, Long> zeroes(List<String> keys) {
        Map<String, Long> counts = new TreeMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static double days(Duration duration) {
        return Math.round(duration.toMillis() / 86_400.0) / 1000.0;
    }

    /** Nearest-rank percentile of sorted values; null when there are none. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

}
