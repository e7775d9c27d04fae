package org.civicledger.query.participation;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.civicledger.query.readstore.BatchedWrites;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.query.consultation.ConsultationProjection;
import org.civicledger.query.idea.IdeaHomes;
import org.civicledger.query.idea.IdeaProjection;
import org.springframework.stereotype.Component;

/**
 * Who took part, where, how and when — one document per contribution, keyed by what it records (an
 * idea, a ballot, a consultation answer), so that a replay or a re-vote never counts a person twice.
 * Holds pseudonyms, which never leave the read store: the dashboards publish counts only.
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP)
public class ParticipationProjection {

    public static final String COLLECTION = "participations";

    private final MongoCollection<Document> participations;
    private final IdeaHomes ideas;
    private final ConsultationProjection consultations;

    public ParticipationProjection(MongoDatabase readStore, IdeaHomes ideas, ConsultationProjection consultations) {
        this.participations = readStore.getCollection(COLLECTION);
        this.ideas = ideas;
        this.consultations = consultations;
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        participations.drop();
        prepare();
    }

    private void prepare() {
        participations.createIndex(Indexes.ascending("municipalityId", "at"));
    }

    /** Bench ideas come from anonymous visitors: they are counted with the ideas, not as identified participants. */
    @EventHandler
    void on(IdeaSubmitted event, @Timestamp Instant at) {
        if (event.channel() == org.civicledger.domain.idea.Channel.BENCH) {
            return;
        }
        record("idea:" + event.ideaId(), event.municipalityId(), event.authorPseudonym(), "IDEA",
                event.channel().name(), at);
    }

    @EventHandler
    void on(VoteCast event, @Timestamp Instant at) {
        record("vote:" + event.ideaId() + ":" + event.voterPseudonym(),
                ideas.of(event.ideaId()), event.voterPseudonym(), "VOTE", "WEB", at);
    }

    @EventHandler
    void on(ConsultationAnswered event, @Timestamp Instant at) {
        record("answer:" + event.consultationId() + ":" + event.respondentPseudonym(),
                consultations.municipalityOf(event.consultationId()), event.respondentPseudonym(), "ANSWER", "WEB", at);
    }

    /** The first time counts: a later re-vote or a replay leaves the document as it was. */
    private void record(String id, String municipalityId, String pseudonym, String kind, String channel, Instant at) {
        BatchedWrites.write(participations, new UpdateOneModel<>(eq("_id", id), Updates.combine(
                Updates.setOnInsert("municipalityId", municipalityId),
                Updates.setOnInsert("pseudonym", pseudonym),
                Updates.setOnInsert("kind", kind),
                Updates.setOnInsert("channel", channel),
                Updates.setOnInsert("at", Date.from(at))), new UpdateOptions().upsert(true)));
    }
}
