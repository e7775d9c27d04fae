package org.civicledger.query.participation;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.person.Profile;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.consultation.ConsultationProjection;
import org.civicledger.query.idea.IdeaHomes;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/**
 * The acts people took part in, one document per act — an idea submitted, a vote that stands, a
 * consultation answered, an anonymous bench opinion — keyed by what it records (its own stream), so
 * that a replay, a redelivery or a re-vote never counts an act twice. An act counts in the period of
 * when it was done; a vote that was withdrawn counts nowhere, and when cast again counts when it was
 * cast again — the same rule the idea's vote count and the dashboards' votes follow.
 *
 * <p>People are counted by their acts, never across them: each act carries its actor's pseudonym in
 * that act's context only, so nothing links two acts of one person (docs/privacy.md). An identified act
 * keeps the gender, age band and local community its actor had stated, opened from the sealed profile
 * the act carries; no pseudonym is kept.
 */
@Component
@ProcessingGroup(IdeaProjection.PROCESSING_GROUP)
public class ParticipationProjection {

    public static final String COLLECTION = "participations";

    /** The kinds of act. */
    public enum Kind {
        IDEA, VOTE, ANSWER, OPINION
    }

    private final MongoCollection<Document> participations;
    private final IdeaHomes ideas;
    private final ConsultationProjection consultations;
    private final TextVault texts;

    public ParticipationProjection(MongoDatabase readStore, IdeaHomes ideas, ConsultationProjection consultations,
                                   TextVault texts) {
        this.participations = readStore.getCollection(COLLECTION);
        this.ideas = ideas;
        this.consultations = consultations;
        this.texts = texts;
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

    /** Bench ideas come from anonymous visitors: counted as bench acts, with no profile. */
    @EventHandler
    void on(IdeaSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        act("idea-" + event.ideaId(), sequence, event.municipalityId(), Kind.IDEA, event.channel(), at, event.profile());
    }

    /** A vote counts from its (latest) casting; the ballot's own sequence number keeps each step applied once. */
    @EventHandler
    void on(VoteCast event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String ballot = "ballot-" + event.ideaId() + "-" + event.voterPseudonym();
        String municipality = known(ideas.of(event.ideaId()), "idea", event.ideaId());
        if (sequence == 0) {
            act(ballot, sequence, municipality, Kind.VOTE, Channel.WEB, at, event.profile());
            return;
        }
        Document profile = profile(event.profile());
        Versioned.createOrApply(participations, ballot, sequence,
                standing(municipality, Kind.VOTE, Channel.WEB, at, profile),
                Updates.combine(Updates.set("counts", true), Updates.set("at", Date.from(at)),
                        profile == null ? Updates.unset("profile") : Updates.set("profile", profile)));
    }

    @EventHandler
    void on(VoteWithdrawn event, @SequenceNumber long sequence) {
        Versioned.apply(participations, "ballot-" + event.ideaId() + "-" + event.voterPseudonym(), sequence,
                Updates.set("counts", false));
    }

    @EventHandler
    void on(ConsultationAnswered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        act("consultation-answer-" + event.consultationId() + "-" + event.respondentPseudonym(), sequence,
                known(consultations.municipalityOf(event.consultationId()), "consultation", event.consultationId()),
                Kind.ANSWER, Channel.WEB, at, event.profile());
    }

    @EventHandler
    void on(BenchOpinionGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        act("bench-opinion-" + event.opinionId(), sequence,
                known(consultations.municipalityOf(event.consultationId()), "consultation", event.consultationId()),
                Kind.OPINION, Channel.BENCH, at, null);
    }

    /**
     * The municipality an act is filed under, from the idea or consultation it is about. Not known yet (that
     * event parked, say): the act is parked too, and retried once it is, never filed under no municipality.
     */
    private static String known(String municipality, String what, String id) {
        if (municipality == null) {
            throw new IllegalStateException("The " + what + " " + id + " is not in the read store: its act waits until it is");
        }
        return municipality;
    }

    /** An act that is its stream's first event: written once, with the batch's other writes. */
    private void act(String id, long sequence, String municipalityId, Kind kind, Channel channel, Instant at,
                     SealedText profile) {
        Versioned.create(participations, id, sequence, standing(municipalityId, kind, channel, at, profile(profile)));
    }

    private static Document standing(String municipalityId, Kind kind, Channel channel, Instant at, Document profile) {
        Document act = new Document("municipalityId", municipalityId).append("kind", kind.name())
                .append("channel", channel.name()).append("at", Date.from(at)).append("counts", true);
        return profile == null ? act : act.append("profile", profile);
    }

    /** The stated profile, opened while its key lives: only the categories, never who. */
    private Document profile(SealedText sealed) {
        if (sealed == null) {
            return null;
        }
        OpenedText opened = texts.open(sealed);
        if (opened.gone()) {
            return null;
        }
        Profile profile = Profile.decode(opened.text());
        return new Document("gender", profile.gender()).append("ageBand", profile.ageBand())
                .append("localCommunity", profile.localCommunity());
    }

    /** The acts of one municipality (all when null) that count and were done in {@code [from, to)}. */
    public Iterable<Document> actsIn(String municipalityId, Bson period) {
        return participations.find(municipalityId == null ? com.mongodb.client.model.Filters.and(period, eq("counts", true))
                : com.mongodb.client.model.Filters.and(eq("municipalityId", municipalityId), period, eq("counts", true)));
    }
}
