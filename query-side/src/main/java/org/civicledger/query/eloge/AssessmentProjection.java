package org.civicledger.query.eloge;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.civicledger.domain.eloge.PrincipleScore;
import org.civicledger.domain.eloge.SelfAssessmentRecorded;
import org.civicledger.domain.eloge.SurveyResultsRecorded;
import org.civicledger.query.readstore.SealedDocuments;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/** Keeps the latest self-assessment and citizen survey of each municipality and year ({@code eloge}). */
@Component
@ProcessingGroup("eloge")
public class AssessmentProjection {

    private final MongoCollection<Document> assessments;

    public AssessmentProjection(MongoDatabase readStore) {
        this.assessments = readStore.getCollection("eloge");
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        assessments.drop();
        prepare();
    }

    private void prepare() {
        // no index beyond _id
    }

    @EventHandler
    void on(SelfAssessmentRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.municipalityId() + ":" + event.year();
        Versioned.create(assessments, id, -1, new Document("municipalityId", event.municipalityId()).append("year", event.year()));
        Versioned.apply(assessments, id, sequence, Updates.set("selfAssessment", new Document("catalogue", event.catalogue())
                .append("scores", event.scores().stream().map(score -> new Document("principle", score.principle())
                        .append("score", score.score()).append("evidence", SealedDocuments.of(score.evidence()))).toList())
                .append("at", Date.from(at))));
    }

    @EventHandler
    void on(SurveyResultsRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.municipalityId() + ":" + event.year();
        Versioned.create(assessments, id, -1, new Document("municipalityId", event.municipalityId()).append("year", event.year()));
        Versioned.apply(assessments, id, sequence, Updates.set("survey", new Document("catalogue", event.catalogue())
                .append("respondents", event.respondents()).append("scores", scores(event.scores())).append("at", Date.from(at))));
    }

    private static List<Document> scores(List<PrincipleScore> scores) {
        return scores.stream().map(s -> new Document("principle", s.principle()).append("score", s.score())).toList();
    }

    public Optional<Document> of(String municipalityId, int year) {
        return Optional.ofNullable(assessments.find(eq("_id", municipalityId + ":" + year)).first());
    }
}
