package org.civicledger.query.consultation;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.consultation.ConsultationClosed;
import org.civicledger.domain.consultation.ConsultationConcluded;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.query.consultation.ConsultationView.FindConsultation;
import org.civicledger.query.consultation.ConsultationView.ListConsultations;
import org.civicledger.query.consultation.ConsultationView.OptionResult;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.readstore.BatchedWrites;
import org.civicledger.query.readstore.HomeMunicipality;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.readstore.SealedDocuments;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code consultations}, and one document per identified answer ({@code consultationAnswers})
 * and per bench opinion ({@code benchOpinions}), each keyed by its own stream: results are counted
 * from those at query time, so a replay or a redelivery cannot count anything twice.
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP) // after the ideas and consultations it refers to
public class ConsultationProjection {

    /** One document per anonymous bench opinion, keyed by its message id. */
    public static final String OPINIONS = "benchOpinions";
    private static final String ABOUT = "consultations";

    private final MongoCollection<Document> consultations;
    private final MongoCollection<Document> answers;
    private final MongoCollection<Document> opinions;
    /**
     * Per idea, the consultations about it: an idea's page asks for them by the idea's id, without a scan. Kept
     * as a set of names ({@code consultations.<id>: true}), not a list: events of different consultations
     * arrive in the order their transactions committed, which a rebuild does not repeat, and a list would keep
     * that order.
     */
    private final MongoCollection<Document> aboutIdeas;
    private final Clock clock;
    private final HomeMunicipality homes;
    private final TextVault texts;

    public ConsultationProjection(MongoDatabase readStore, Clock clock, TextVault texts) {
        this.texts = texts;
        this.consultations = readStore.getCollection("consultations");
        this.answers = readStore.getCollection("consultationAnswers");
        this.opinions = readStore.getCollection(OPINIONS);
        this.aboutIdeas = readStore.getCollection("consultationsAboutIdeas");
        this.clock = clock;
        this.homes = new HomeMunicipality(consultations);
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        consultations.drop();
        answers.drop();
        opinions.drop();
        aboutIdeas.drop();
        prepare();
    }

    private void prepare() {
        consultations.createIndex(Indexes.ascending("municipalityId"));
        consultations.createIndex(Indexes.ascending("ideaId"));
        answers.createIndex(Indexes.ascending("consultationId"));
        opinions.createIndex(Indexes.ascending("consultationId"));
        opinions.createIndex(Indexes.ascending("municipalityId"));
    }

    @EventHandler
    void on(ConsultationOpened event, @SequenceNumber long sequence) {
        Versioned.create(consultations, event.consultationId(), sequence, new Document()
                .append("municipalityId", event.municipalityId())
                .append("ideaId", event.ideaId())
                .append("question", SealedDocuments.of(event.question()))
                .append("options", event.options().stream().map(o -> new Document("optionId", o.optionId())
                        .append("label", SealedDocuments.of(o.label()))).toList())
                .append("opensAt", Date.from(event.opensAt()))
                .append("closesAt", Date.from(event.closesAt()))
                .append("closed", false));
        homes.remember(event.consultationId(), event.municipalityId());
        if (event.ideaId() != null) {
            BatchedWrites.write(aboutIdeas, new UpdateOneModel<>(eq("_id", event.ideaId()),
                    Updates.set(ABOUT + "." + event.consultationId(), true), new UpdateOptions().upsert(true)));
        }
    }

    @EventHandler
    void on(ConsultationClosed event, @SequenceNumber long sequence) {
        Versioned.apply(consultations, event.consultationId(), sequence, Updates.set("closed", true));
    }

    @EventHandler
    void on(ConsultationConcluded event, @SequenceNumber long sequence) {
        Versioned.apply(consultations, event.consultationId(), sequence,
                Updates.set("conclusion", SealedDocuments.of(event.conclusion())));
    }

    @EventHandler
    void on(ConsultationAnswered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.create(answers, event.consultationId() + ":" + event.respondentPseudonym(), sequence,
                new Document("consultationId", event.consultationId()).append("optionId", event.optionId())
                        .append("municipalityId", municipalityOf(event.consultationId())).append("at", Date.from(at)));
    }

    @EventHandler
    void on(BenchOpinionGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.create(opinions, event.opinionId(), sequence, new Document("consultationId", event.consultationId())
                .append("optionId", event.optionId()).append("benchId", event.benchId())
                .append("municipalityId", municipalityOf(event.consultationId())).append("at", Date.from(at)));
    }

    /** The municipality that opened a consultation, or null if it is not (yet) known here. */
    public String municipalityOf(String consultationId) {
        return homes.of(consultationId);
    }

    @QueryHandler
    Optional<ConsultationView> handle(FindConsultation query) {
        return Optional.ofNullable(consultations.find(eq("_id", query.consultationId())).first()).map(this::view);
    }

    @QueryHandler
    List<ConsultationView> handle(ListConsultations query) {
        Bson filter = query.municipalityId() == null ? new Document() : eq("municipalityId", query.municipalityId());
        List<ConsultationView> all = new ArrayList<>();
        consultations.find(filter).sort(Sorts.orderBy(Sorts.descending("opensAt"), Sorts.ascending("_id")))
                .skip(query.page().offset()).limit(query.page().fetch()).forEach(d -> all.add(view(d)));
        return all;
    }

    private ConsultationView view(Document d) {
        String id = d.getString("_id");
        Map<String, Long> identified = countByOption(answers, id);
        Map<String, Long> anonymous = countByOption(opinions, id);
        List<Document> sealed = new ArrayList<>(List.of(d.get("question", Document.class)));
        d.getList("options", Document.class).forEach(o -> sealed.add(o.get("label", Document.class)));
        if (d.get("conclusion") != null) {
            sealed.add(d.get("conclusion", Document.class));
        }
        SealedDocuments.Opened opened = SealedDocuments.open(texts, sealed);
        Disclosure disclosure = new Disclosure(Disclosure.Rule.EXACT);
        Map<String, Long> identifiedByOption = new java.util.LinkedHashMap<>();
        Map<String, Long> anonymousByOption = new java.util.LinkedHashMap<>();
        d.getList("options", Document.class).forEach(o -> {
            identifiedByOption.put(o.getString("optionId"), identified.getOrDefault(o.getString("optionId"), 0L));
            anonymousByOption.put(o.getString("optionId"), anonymous.getOrDefault(o.getString("optionId"), 0L));
        });
        List<String> order = new ArrayList<>(identifiedByOption.keySet());
        Map<String, Long> identifiedShown = disclosure.table(identifiedByOption,
                option -> "/options/" + order.indexOf(option) + "/identified");
        Map<String, Long> anonymousShown = disclosure.table(anonymousByOption,
                option -> "/options/" + order.indexOf(option) + "/anonymous");
        List<OptionResult> options = d.getList("options", Document.class).stream()
                .map(o -> new OptionResult(o.getString("optionId"), labels(opened.text(o.get("label", Document.class))),
                        identifiedShown.get(o.getString("optionId")), anonymousShown.get(o.getString("optionId"))))
                .toList();
        Instant opensAt = d.getDate("opensAt").toInstant();
        Instant closesAt = d.getDate("closesAt").toInstant();
        Instant now = clock.instant();
        String status = d.getBoolean("closed") || !now.isBefore(closesAt) ? "CLOSED"
                : now.isBefore(opensAt) ? "NOT_YET_OPEN" : "OPEN";
        Long identifiedAnswers = disclosure.count("/identifiedAnswers",
                identifiedByOption.values().stream().mapToLong(Long::longValue).sum());
        Long anonymousOpinions = disclosure.count("/anonymousOpinions",
                anonymousByOption.values().stream().mapToLong(Long::longValue).sum());
        return new ConsultationView(id, d.getString("municipalityId"), d.getString("ideaId"),
                labels(opened.text(d.get("question", Document.class))), options, opensAt, closesAt, status,
                opened.text(d.get("conclusion", Document.class)), identifiedAnswers, anonymousOpinions,
                disclosure.marker());
    }

    /** Anonymous bench opinions given in consultations about this idea: the idea's "bench opinions". */
    public long anonymousOpinionsAbout(String ideaId) {
        Document consulted = aboutIdeas.find(eq("_id", ideaId)).first();
        Document about = consulted == null ? null : consulted.get(ABOUT, Document.class);
        return about == null || about.isEmpty() ? 0
                : opinions.countDocuments(com.mongodb.client.model.Filters.in("consultationId", about.keySet()));
    }

    private static Map<String, Long> countByOption(MongoCollection<Document> collection, String consultationId) {
        Map<String, Long> counts = new HashMap<>();
        collection.aggregate(List.of(match(eq("consultationId", consultationId)), group("$optionId", sum("count", 1))))
                .forEach(g -> counts.put(g.getString("_id"), ((Number) g.get("count")).longValue()));
        return counts;
    }

    /** A text by language, sealed as one JSON object; empty when it is withheld. */
    public static Map<String, String> labels(String json) {
        Map<String, String> labels = new java.util.TreeMap<>();
        if (json != null) {
            JSON.readTree(json).properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        }
        return labels;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
}
