package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/** Keeps the {@code ideas} collection: one document per idea, as the public sees it. */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP)
public class IdeaProjection {

    public static final String PROCESSING_GROUP = "ideas";
    public static final String COLLECTION = "ideas";

    private final MongoCollection<Document> ideas;

    public IdeaProjection(MongoDatabase readStore) {
        this.ideas = readStore.getCollection(COLLECTION);
        ideas.createIndex(Indexes.ascending("municipalityId"));
    }

    @EventHandler
    void on(IdeaSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.create(ideas, event.ideaId(), sequence, new Document()
                .append("municipalityId", event.municipalityId())
                .append("localCommunity", event.localCommunity())
                .append("topic", event.topic())
                .append("title", event.title())
                .append("description", event.description())
                .append("language", event.language())
                .append("channel", event.channel().name())
                .append("status", IdeaStatus.SUBMITTED.name())
                .append("submittedAt", Date.from(at)));
    }

    @QueryHandler
    Optional<IdeaView> handle(FindIdea query) {
        Document idea = ideas.find(eq("_id", query.ideaId())).first();
        return Optional.ofNullable(idea).map(d -> new IdeaView(
                d.getString("_id"),
                d.getString("municipalityId"),
                d.getString("localCommunity"),
                d.getString("topic"),
                d.getString("title"),
                d.getString("description"),
                d.getString("language"),
                d.getString("channel"),
                d.getString("status"),
                d.getDate("submittedAt").toInstant()));
    }
}
