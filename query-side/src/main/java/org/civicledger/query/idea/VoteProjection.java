package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
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
@ProcessingGroup("votes")
public class VoteProjection {

    private final MongoCollection<Document> ballots;

    public VoteProjection(MongoDatabase readStore) {
        this.ballots = readStore.getCollection("ballots");
        ballots.createIndex(Indexes.ascending("ideaId", "counted"));
    }

    @EventHandler
    void on(VoteCast event, @SequenceNumber long sequence) {
        String ballot = event.ideaId() + ":" + event.voterPseudonym();
        Versioned.create(ballots, ballot, -1, new Document("ideaId", event.ideaId()).append("counted", false));
        Versioned.apply(ballots, ballot, sequence, Updates.set("counted", true));
    }

    @EventHandler
    void on(VoteWithdrawn event, @SequenceNumber long sequence) {
        Versioned.apply(ballots, event.ideaId() + ":" + event.voterPseudonym(), sequence, Updates.set("counted", false));
    }

    public long countFor(String ideaId) {
        return ballots.countDocuments(and(eq("ideaId", ideaId), eq("counted", true)));
    }
}
