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

    public ConsultationProjection(MongoDatabase readStore, Clock clock) {
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
                .append("question", new Document(new HashMap<>(event.question())))
                .append("options", event.options().stream().map(o -> new Document("optionId", o.optionId())
                        .append("label", new Document(new HashMap<>(o.label())))).toList())
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
        Versioned.apply(consultations, event.consultationId(), sequence, Updates.set("conclusion", event.conclusion()));
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
        List<OptionResult> options = d.getList("options", Document.class).stream()
                .map(o -> new OptionResult(o.getString("optionId"), labels(o.get("label", Document.class)),
                        identified.getOrDefault(o.getString("optionId"), 0L),
                        anonymous.getOrDefault(o.getString("optionId"), 0L)))
                .toList();
        Instant opensAt = d.getDate("opensAt").toInstant();
        Instant closesAt = d.getDate("closesAt").toInstant();
        Instant now = clock.instant();
        String status = d.getBoolean("closed") || !now.isBefore(closesAt) ? "CLOSED"
                : now.isBefore(opensAt) ? "NOT_YET_OPEN" : "OPEN";
        return new ConsultationView(id, d.getString("municipalityId"), d.getString("ideaId"), labels(d.get("question", Document.class)),
                options, opensAt, closesAt, status, d.getString("conclusion"),
                identified.values().stream().mapToLong(Long::longValue).sum(),
                anonymous.values().stream().mapToLong(Long::longValue).sum());
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

    private static Map<String, String> labels(Document texts) {
        Map<String, String> labels = new java.util.TreeMap<>();
        texts.forEach((language, text) -> labels.put(language, String.valueOf(text)));
        return labels;
    }
}
