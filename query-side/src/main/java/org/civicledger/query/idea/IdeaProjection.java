package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.IdeaAmended;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaCompleted;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaRestored;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.query.consultation.ConsultationProjection;
import org.civicledger.domain.idea.IdeaTextRedacted;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.readstore.SealedDocuments;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code ideas} collection: one document per idea, as the public sees it. Every update
 * carries the idea's aggregate sequence number and applies once (see {@link Versioned}).
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP)
public class IdeaProjection {

    public static final String PROCESSING_GROUP = "ideas";
    public static final String COLLECTION = "ideas";

    private final MongoCollection<Document> ideas;
    private final VoteProjection votes;
    private final ConsultationProjection consultations;
    private final IdeaHomes homes;
    private final TextVault texts;

    public IdeaProjection(MongoDatabase readStore, VoteProjection votes, ConsultationProjection consultations, IdeaHomes homes,
                          TextVault texts) {
        this.texts = texts;
        this.ideas = readStore.getCollection(COLLECTION);
        this.homes = homes;
        this.votes = votes;
        this.consultations = consultations;
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        ideas.drop();
        prepare();
    }

    private void prepare() {
        ideas.createIndex(Indexes.ascending("municipalityId"));
    }

    @EventHandler
    void on(IdeaSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.create(ideas, event.ideaId(), sequence, new Document()
                .append("municipalityId", event.municipalityId())
                .append("localCommunity", event.localCommunity())
                .append("topic", event.topic())
                .append("title", SealedDocuments.of(event.title()))
                .append("description", SealedDocuments.of(event.description()))
                .append("language", event.language())
                .append("channel", event.channel().name())
                .append("status", IdeaStatus.SUBMITTED.name())
                .append("ideaVersion", 1)
                .append("validations", List.of())
                .append("hidden", false)
                .append("submittedAt", Date.from(at)));
        homes.remember(event.ideaId(), event.municipalityId());
    }

    @EventHandler
    void on(IdeaAmended event, @SequenceNumber long sequence) {
        Document idea = Versioned.unapplied(ideas, event.ideaId(), sequence);
        if (idea == null) {
            return;
        }
        List<Document> validations = new ArrayList<>(idea.getList("validations", Document.class));
        validations.forEach(v -> v.put("current", false)); // the new version is validated afresh
        Versioned.applyTo(ideas, idea, sequence, Updates.combine(
                Updates.set("validations", validations),
                Updates.set("localCommunity", event.localCommunity()),
                Updates.set("topic", event.topic()),
                Updates.set("title", SealedDocuments.of(event.title())),
                Updates.set("description", SealedDocuments.of(event.description())),
                Updates.set("language", event.language()),
                Updates.set("ideaVersion", event.version()),
                Updates.set("status", IdeaStatus.SUBMITTED.name())));
    }

    @EventHandler
    void on(CsoValidationRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document idea = Versioned.unapplied(ideas, event.ideaId(), sequence);
        if (idea == null) {
            return;
        }
        List<Document> validations = new ArrayList<>(idea.getList("validations", Document.class));
        validations.forEach(v -> {
            if (v.getString("csoId").equals(event.csoId())) {
                v.put("current", false);
            }
        });
        validations.add(new Document("csoId", event.csoId()).append("decision", event.decision().name())
                .append("reason", SealedDocuments.of(event.reason())).append("ideaVersion", event.ideaVersion())
                .append("current", true).append("at", Date.from(at)));
        boolean changesRequested = validations.stream().anyMatch(v -> v.getBoolean("current")
                && ValidationDecision.REQUEST_CHANGES.name().equals(v.getString("decision")));
        Versioned.applyTo(ideas, idea, sequence, Updates.combine(
                Updates.set("validations", validations),
                Updates.set("status", (changesRequested ? IdeaStatus.CHANGES_REQUESTED : IdeaStatus.SUBMITTED).name())));
    }

    @EventHandler
    void on(IdeaValidated event, @SequenceNumber long sequence) {
        Versioned.apply(ideas, event.ideaId(), sequence, Updates.set("status", IdeaStatus.VALIDATED.name()));
    }

    @EventHandler
    void on(ActionForwarded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.apply(ideas, event.ideaId(), sequence, Updates.combine(
                Updates.set("status", IdeaStatus.FORWARDED.name()),
                Updates.set("action", new Document("csoId", event.csoId()).append("kind", event.kind().name())
                        .append("description", SealedDocuments.of(event.description())).append("at", Date.from(at)))));
    }

    @EventHandler
    void on(IdeaAnswered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.apply(ideas, event.ideaId(), sequence, Updates.combine(
                Updates.set("status", event.decision().name()),
                Updates.min("firstAnsweredAt", Date.from(at)),
                Updates.addToSet("answerDecisions", event.decision().name()),
                Updates.set("response", new Document("decision", event.decision().name())
                        .append("rationale", SealedDocuments.of(event.rationale())).append("department", event.department())
                        .append("at", Date.from(at)))));
    }

    @EventHandler
    void on(ProgressReported event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.apply(ideas, event.ideaId(), sequence, Updates.set("progress",
                new Document("percent", event.percent()).append("note", SealedDocuments.of(event.note()))
                        .append("at", Date.from(at))));
    }

    @EventHandler
    void on(IdeaCompleted event, @SequenceNumber long sequence) {
        Versioned.apply(ideas, event.ideaId(), sequence, Updates.set("status", IdeaStatus.COMPLETED.name()));
    }

    @EventHandler
    void on(IdeaHidden event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.apply(ideas, event.ideaId(), sequence, moderation(true, event.reason(), at));
    }

    @EventHandler
    void on(IdeaRestored event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.apply(ideas, event.ideaId(), sequence, moderation(false, event.reason(), at));
    }

    /** The text's key is gone already; the document keeps what was redacted, and when, for the idea's page. */
    @EventHandler
    void on(IdeaTextRedacted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.apply(ideas, event.ideaId(), sequence, Updates.push("redactions",
                new Document("version", event.version()).append("field", event.field()).append("at", Date.from(at))));
    }

    /** Every idea as the public sees it, oldest first. */
    public void forEachIdea(java.util.function.Consumer<IdeaView> each) {
        ideas.find().sort(new Document("submittedAt", 1)).forEach(d -> each.accept(view(d)));
    }

    private static Bson moderation(boolean hidden, SealedText reason, Instant at) {
        return Updates.combine(Updates.set("hidden", hidden), Updates.set("moderation", new Document("hidden", hidden)
                .append("reason", SealedDocuments.of(reason)).append("at", Date.from(at))));
    }

    @QueryHandler
    Optional<IdeaView> handle(FindIdea query) {
        Document idea = ideas.find(eq("_id", query.ideaId())).first();
        return Optional.ofNullable(idea).map(this::view);
    }

    private IdeaView view(Document d) {
        boolean hidden = d.getBoolean("hidden", false);
        Document action = d.get("action", Document.class);
        Document response = d.get("response", Document.class);
        Document progress = d.get("progress", Document.class);
        Document moderation = d.get("moderation", Document.class);
        List<Document> validations = d.getList("validations", Document.class, List.of());
        List<Document> sealed = new ArrayList<>();
        if (!hidden) {
            sealed.add(d.get("title", Document.class));
            sealed.add(d.get("description", Document.class));
        }
        validations.forEach(v -> sealed.add(v.get("reason", Document.class)));
        for (Document part : java.util.Arrays.asList(action, response, progress, moderation)) {
            if (part != null) {
                part.values().stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(sealed::add);
            }
        }
        SealedDocuments.Opened opened = SealedDocuments.open(texts, sealed);
        Disclosure disclosure = new Disclosure(Disclosure.Rule.EXACT);
        Document title = d.get("title", Document.class);
        Document description = d.get("description", Document.class);
        java.util.Map<String, String> withheld = new java.util.TreeMap<>();
        if (hidden) {
            withheld.put("title", "HIDDEN");
            withheld.put("description", "HIDDEN");
        } else {
            java.util.Optional.ofNullable(opened.withheld(title)).ifPresent(why -> withheld.put("title", why));
            java.util.Optional.ofNullable(opened.withheld(description)).ifPresent(why -> withheld.put("description", why));
        }
        return new IdeaView(
                d.getString("_id"),
                d.getString("municipalityId"),
                d.getString("localCommunity"),
                d.getString("topic"),
                hidden ? null : opened.text(title),
                hidden ? null : opened.text(description),
                d.getString("language"),
                d.getString("channel"),
                d.getString("status"),
                d.getInteger("ideaVersion", 1),
                d.getDate("submittedAt").toInstant(),
                new IdeaView.Votes(disclosure.count("/votes/identified", votes.countFor(d.getString("_id"))),
                        disclosure.count("/votes/anonymousOpinions", consultations.anonymousOpinionsAbout(d.getString("_id")))),
                validations.stream()
                        .map(v -> new IdeaView.Validation(v.getString("csoId"), v.getString("decision"),
                                opened.text(v.get("reason", Document.class)), v.getInteger("ideaVersion", 1),
                                v.getBoolean("current", false), v.getDate("at").toInstant()))
                        .toList(),
                action == null ? null : new IdeaView.Action(action.getString("csoId"), action.getString("kind"),
                        opened.text(action.get("description", Document.class)), action.getDate("at").toInstant()),
                response == null ? null : new IdeaView.Response(response.getString("decision"),
                        opened.text(response.get("rationale", Document.class)), response.getString("department"),
                        response.getDate("at").toInstant()),
                progress == null ? null : new IdeaView.Progress(progress.getInteger("percent"),
                        opened.text(progress.get("note", Document.class)), progress.getDate("at").toInstant()),
                moderation == null ? null : new IdeaView.Moderation(moderation.getBoolean("hidden"),
                        opened.text(moderation.get("reason", Document.class)), moderation.getDate("at").toInstant()),
                withheld,
                disclosure.marker());
    }

    /** Whether moderation hides the idea now (false for an idea not known here). */
    public boolean hidden(String ideaId) {
        Document idea = ideas.find(eq("_id", ideaId)).projection(new Document("hidden", 1)).first();
        return idea != null && idea.getBoolean("hidden", false);
    }
}
