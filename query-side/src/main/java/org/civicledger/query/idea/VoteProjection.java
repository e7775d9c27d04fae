package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import java.time.Instant;
import java.util.Date;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per ballot (a person's support for one idea) in {@code ballots}. An idea's
 * vote count is the number of its ballots that count now, so replays and duplicates cannot inflate it.
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP) // after the idea it is for, in one order
public class VoteProjection {

    public static final String COLLECTION = "ballots";

    private final MongoCollection<Document> ballots;
    private final MongoCollection<Document> ideas;

    public VoteProjection(MongoDatabase readStore) {
        this.ballots = readStore.getCollection(COLLECTION);
        this.ideas = readStore.getCollection(IdeaProjection.COLLECTION);
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        ballots.drop();
        prepare();
    }

    private void prepare() {
        ballots.createIndex(Indexes.ascending("ideaId", "counted"));
        ballots.createIndex(Indexes.ascending("municipalityId"));
    }

    @EventHandler
    void on(VoteCast event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String ballot = event.ideaId() + ":" + event.voterPseudonym();
        Versioned.create(ballots, ballot, -1, new Document("ideaId", event.ideaId()).append("counted", false)
                .append("municipalityId", IdeaProjection.municipalityOf(ideas, event.ideaId())));
        Versioned.apply(ballots, ballot, sequence, Updates.combine(Updates.set("counted", true),
                Updates.set("castAt", Date.from(at))));
    }

    @EventHandler
    void on(VoteWithdrawn event, @SequenceNumber long sequence) {
        Versioned.apply(ballots, event.ideaId() + ":" + event.voterPseudonym(), sequence, Updates.set("counted", false));
    }

    public long countFor(String ideaId) {
        return ballots.countDocuments(and(eq("ideaId", ideaId), eq("counted", true)));
    }
}
