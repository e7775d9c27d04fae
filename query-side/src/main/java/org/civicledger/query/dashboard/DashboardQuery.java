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
import java.util.HashSet;
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
import org.civicledger.query.consultation.ConsultationProjection;
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
import org.civicledger.query.idea.VoteProjection;
import org.civicledger.query.municipality.MunicipalityQueries.FindMunicipality;
import org.civicledger.query.municipality.MunicipalityView;
import org.civicledger.query.participation.ParticipationProjection;
import org.civicledger.query.person.PersonProjection;
import org.civicledger.query.readstore.Page;
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
    private final MongoCollection<Document> ballots;
    private final MongoCollection<Document> opinions;
    private final MongoCollection<Document> participations;
    private final MongoCollection<Document> people;
    private final QueryGateway queries;
    private final Clock clock;
    private final org.civicledger.query.bench.BenchProjection benches;

    private final RecentDashboards recent;

    DashboardQuery(MongoDatabase readStore, QueryGateway queries, Clock clock,
                   org.civicledger.query.bench.BenchProjection benches,
                   @Value("${civic.dashboard.max-age:PT5S}") Duration maxAge) {
        this.benches = benches;
        this.recent = new RecentDashboards(maxAge, clock);
        this.ideas = readStore.getCollection(IdeaProjection.COLLECTION);
        this.ballots = readStore.getCollection(VoteProjection.COLLECTION);
        this.opinions = readStore.getCollection(ConsultationProjection.OPINIONS);
        this.participations = readStore.getCollection(ParticipationProjection.COLLECTION);
        this.people = readStore.getCollection(PersonProjection.COLLECTION);
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
        Bson ideasInPeriod = scope(municipalityId, "submittedAt", period);
        long anonymousOpinions = opinions.countDocuments(scope(municipalityId, "at", period));
        List<Document> accepted = new ArrayList<>();
        ideas.find(and(scope(municipalityId, "firstAnsweredAt", period), in("status", ACCEPTED))).forEach(accepted::add);
        return new Dashboard(municipalityId, name, period,
                ideaCounts(ideasInPeriod),
                new Support(ballots.countDocuments(and(scope(municipalityId, "castAt", period), eq("counted", true))),
                        anonymousOpinions),
                validations(ideasInPeriod),
                countBy(ideas, and(ideasInPeriod, exists("action")), "action.kind", names(ActionKind.values())),
                responsiveness(scope(municipalityId, "action.at", period)),
                accountability(accepted),
                participation(municipalityId, period, anonymousOpinions),
                consultations(municipalityId, period),
                benches.all(municipalityId, Page.EVERYTHING).stream().map(b -> {
                    var use = benches.use(b.benchId(), period.from(), period.to());
                    return new Dashboard.BenchSummary(b.benchId(), b.status(), use.lastSeen(), use.lastState(),
                            use.batteryPercent(), use.reports(), use.wifiClients(), use.chargingSessions());
                }).toList());
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

    private Ideas ideaCounts(Bson scope) {
        Map<String, Long> byChannel = countBy(ideas, scope, "channel", names(Channel.values()));
        return new Ideas(byChannel.values().stream().mapToLong(Long::longValue).sum(),
                countBy(ideas, scope, "status", names(IdeaStatus.values())),
                countBy(ideas, scope, "topic", List.of()),
                byChannel,
                countBy(ideas, scope, "localCommunity", List.of()));
    }

    private Map<String, Long> validations(Bson scope) {
        Map<String, Long> counts = zeroes(names(ValidationDecision.values()));
        ideas.find(scope).forEach(idea -> idea.getList("validations", Document.class, List.of()).stream()
                .filter(v -> v.getBoolean("current", false))
                .forEach(v -> counts.merge(v.getString("decision"), 1L, Long::sum)));
        return counts;
    }

    private Responsiveness responsiveness(Bson forwardedInPeriod) {
        Instant now = clock.instant();
        List<Double> answerDays = new ArrayList<>();
        List<Waiting> waiting = new ArrayList<>();
        long forwarded = 0;
        long judged = 0;
        long withinTarget = 0;
        for (Document idea : ideas.find(forwardedInPeriod)) {
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
                        idea.getBoolean("hidden", false) ? null : idea.getString("title"), forwardedAt, days(waited)));
            }
        }
        answerDays.sort(Comparator.naturalOrder());
        waiting.sort(Comparator.comparing(Waiting::forwardedAt));
        return new Responsiveness(forwarded, answerDays.size(), percentile(answerDays, 0.5), percentile(answerDays, 0.9),
                judged == 0 ? null : (double) withinTarget / judged, waiting.subList(0, Math.min(LISTED, waiting.size())));
    }

    private static Accountability accountability(List<Document> accepted) {
        long completed = accepted.stream().filter(i -> IdeaStatus.COMPLETED.name().equals(i.getString("status"))).count();
        List<AcceptedIdea> listed = accepted.stream()
                .sorted(Comparator.comparing((Document i) -> i.getDate("firstAnsweredAt")).reversed())
                .limit(50)
                .map(i -> new AcceptedIdea(i.getString("_id"), i.getBoolean("hidden", false) ? null : i.getString("title"),
                        i.getString("status"), Optional.ofNullable(i.get("progress", Document.class))
                                .map(p -> p.getInteger("percent")).orElse(0)))
                .toList();
        return new Accountability(accepted.size(), completed,
                accepted.isEmpty() ? null : (double) completed / accepted.size(), listed);
    }

    private Participation participation(String municipalityId, Period period, long anonymousOpinions) {
        Set<String> everyone = new HashSet<>();
        Map<String, Set<String>> byChannel = new TreeMap<>();
        names(Channel.values()).forEach(c -> byChannel.put(c, new HashSet<>()));
        participations.find(scope(municipalityId, "at", period)).forEach(p -> {
            everyone.add(p.getString("pseudonym"));
            byChannel.computeIfAbsent(p.getString("channel"), c -> new HashSet<>()).add(p.getString("pseudonym"));
        });
        Map<String, Long> gender = new TreeMap<>();
        Map<String, Long> ageBand = new TreeMap<>();
        Map<String, Long> localCommunity = new TreeMap<>();
        Map<String, Document> stated = new java.util.HashMap<>();
        List<String> pseudonyms = new ArrayList<>(everyone);
        for (int i = 0; i < pseudonyms.size(); i += 500) {
            people.find(in("_id", pseudonyms.subList(i, Math.min(i + 500, pseudonyms.size()))))
                    .forEach(d -> stated.put(d.getString("_id"), d));
        }
        for (String pseudonym : everyone) {
            Document person = stated.get(pseudonym);
            gender.merge(statedOr(person, "gender"), 1L, Long::sum);
            ageBand.merge(statedOr(person, "ageBand"), 1L, Long::sum);
            localCommunity.merge(statedOr(person, "localCommunity"), 1L, Long::sum);
        }
        Map<String, Long> channels = new TreeMap<>();
        byChannel.forEach((channel, set) -> channels.put(channel, (long) set.size()));
        return new Participation(everyone.size(), SmallCounts.suppress(channels), SmallCounts.suppress(gender),
                SmallCounts.suppress(ageBand), SmallCounts.suppress(localCommunity),
                anonymousOpinions, SmallCounts.THRESHOLD);
    }

    private static String statedOr(Document person, String field) {
        String value = person == null || person.getBoolean("erased", false) ? null : person.getString(field);
        return value == null ? "NOT_STATED" : value;
    }

    private List<ConsultationSummary> consultations(String municipalityId, Period period) {
        List<ConsultationView> all = queries.query(new ListConsultations(municipalityId, Page.EVERYTHING),
                ResponseTypes.multipleInstancesOf(ConsultationView.class)).join();
        return all.stream()
                .filter(c -> (period.from() == null || !c.opensAt().isBefore(period.from()))
                        && (period.to() == null || c.opensAt().isBefore(period.to())))
                .map(c -> new ConsultationSummary(c.consultationId(), c.question(), c.status(), c.identifiedAnswers(),
                        c.anonymousOpinions(), c.conclusion()))
                .toList();
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
