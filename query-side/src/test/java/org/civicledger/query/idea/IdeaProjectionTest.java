package org.civicledger.query.idea;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import static org.civicledger.domain.shared.TestVault.text;

import java.time.Instant;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.ActionKind;
import org.civicledger.domain.idea.AnswerDecision;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.IdeaAmended;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.shared.TestVault;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idea projection over the MongoDB driver: duplicates and replays never change what was projected (the
 * vote tally's own rules: {@link VoteProjectionTest}).
 */
class IdeaProjectionTest {

    private static final String ID = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";
    private static final Instant AT = Instant.parse("2026-11-01T10:15:30Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase readStore;
    private VoteProjection votes;
    private IdeaProjection projection;
    private final TestVault vault = new TestVault();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        readStore = client.getDatabase("test");
        IdeaHomes homes = new IdeaHomes(readStore);
        votes = new VoteProjection(readStore, homes);
        projection = new IdeaProjection(readStore, votes, new org.civicledger.query.consultation.ConsultationProjection(
                readStore, java.time.Clock.systemUTC(), vault), homes, vault);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static IdeaSubmitted submitted(String title) {
        return new IdeaSubmitted(ID, "maglaj", null, "parks", text(title), text("Opis"), "hr", Channel.BENCH,
                "pseudonym-0123456789", "bench-maglaj", null);
    }

    private IdeaView view() {
        return projection.handle(new FindIdea(ID)).orElseThrow();
    }

    @Test
    void anIdeaIsProjectedAsThePublicSeesIt() {
        projection.on(submitted("Novi park"), 0, AT);

        IdeaView view = view();
        assertThat(view.title()).isEqualTo("Novi park");
        assertThat(view.channel()).isEqualTo("BENCH");
        assertThat(view.status()).isEqualTo("SUBMITTED");
        assertThat(view.submittedAt()).isEqualTo(AT);
        assertThat(view.votes()).isEqualTo(new IdeaView.Votes(0L, 0L));
        assertThat(view.validations()).isEmpty();
    }

    @Test
    void aDuplicateOrReplayedEventChangesNothing() {
        projection.on(submitted("Novi park"), 0, AT);

        projection.on(submitted("Novi park"), 0, AT);
        projection.on(submitted("A different title that must not win"), 0, Instant.parse("2026-11-02T00:00:00Z"));

        assertThat(readStore.getCollection(IdeaProjection.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(view().title()).isEqualTo("Novi park");
        assertThat(view().submittedAt()).isEqualTo(AT);
    }

    @Test
    void aReplayedValidationIsRecordedOnceAndALaterOneSupersedes() {
        projection.on(submitted("Novi park"), 0, AT);
        CsoValidationRecorded changes = new CsoValidationRecorded(ID, "cso-a", ValidationDecision.REQUEST_CHANGES,
                text("Dodati lokaciju"), 1, "member-1");

        projection.on(changes, 1, AT);
        projection.on(changes, 1, AT);

        assertThat(view().validations()).hasSize(1);
        assertThat(view().status()).isEqualTo("CHANGES_REQUESTED");

        projection.on(new IdeaAmended(ID, 2, null, "parks", text("Novi park kod škole"), text("Opis"), "hr", "p"), 2);
        projection.on(new CsoValidationRecorded(ID, "cso-a", ValidationDecision.ENDORSE, text("Sada jasno"), 2, "member-1"),
                3, AT);

        IdeaView view = view();
        assertThat(view.title()).isEqualTo("Novi park kod škole");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.validations()).extracting(IdeaView.Validation::current).containsExactly(false, true);
        assertThat(view.status()).isEqualTo("SUBMITTED");
    }

    @Test
    void theLifecycleIsFollowedToTheAnswer() {
        projection.on(submitted("Novi park"), 0, AT);
        projection.on(new IdeaValidated(ID, java.util.List.of("a", "b"), 2), 3);
        projection.on(new ActionForwarded(ID, "a", "maglaj", ActionKind.PETITION, text("Peticija"), "m"), 4, AT);
        projection.on(new IdeaAnswered(ID, "maglaj", AnswerDecision.ACCEPTED, text("Ima budžeta"), "Urbanizam", "o"), 5, AT);

        IdeaView view = view();
        assertThat(view.status()).isEqualTo("ACCEPTED");
        assertThat(view.action().kind()).isEqualTo("PETITION");
        assertThat(view.response().department()).isEqualTo("Urbanizam");
    }

    @Test
    void aHiddenIdeaWithholdsItsTextAndShowsTheReason() {
        projection.on(submitted("Novi park"), 0, AT);

        projection.on(new IdeaHidden(ID, text("Uvredljiv sadržaj"), "moderator"), 1, AT);

        assertThat(view().title()).isNull();
        assertThat(view().description()).isNull();
        assertThat(view().moderation().reason()).isEqualTo("Uvredljiv sadržaj");
    }

    @Test
    void theIdeaShowsTheBallotsThatCountNow() {
        projection.on(submitted("Novi park"), 0, AT);

        votes.on(new VoteCast(ID, "voter-1"), 0, AT);
        votes.on(new VoteCast(ID, "voter-2"), 0, AT);
        votes.on(new VoteWithdrawn(ID, "voter-2"), 1);

        assertThat(votes.countFor(ID)).isEqualTo(1);
    }

    @Test
    void theAuthorsPseudonymIsNotPartOfThePublicView() {
        projection.on(submitted("Novi park"), 0, AT);

        assertThat(readStore.getCollection(IdeaProjection.COLLECTION).find().first().toJson())
                .doesNotContain("pseudonym-0123456789");
    }

    @Test
    void aCountOfVotesFromOneToFourIsWithheldAndSaysSo() {
        projection.on(submitted("Novi park"), 0, AT);
        votes.on(new VoteCast(ID, "voter-1"), 0, AT);

        assertThat(view().votes().identified()).isNull();
        assertThat(view().disclosure().withheld()).containsEntry("/votes/identified", Disclosure.Reason.SMALL);
        assertThat(view().votes().anonymousOpinions()).isZero();
    }

    @Test
    void aRedactedDescriptionIsWithheldForGoodAndSaysWhy() {
        projection.on(submitted("Novi park"), 0, AT);

        vault.redact(text("Opis"));

        assertThat(view().title()).isEqualTo("Novi park");
        assertThat(view().description()).isNull();
        assertThat(view().withheld()).containsExactly(java.util.Map.entry("description", "REDACTED"));
    }

    @Test
    void theReadStoreKeepsTextsSealedNeverInClear() {
        projection.on(submitted("Novi park"), 0, AT);

        assertThat(readStore.getCollection(IdeaProjection.COLLECTION).find().first().toJson()).doesNotContain("Novi park");
    }

    @Test
    void anUnknownIdeaIsAbsent() {
        assertThat(projection.handle(new FindIdea(ID))).isEmpty();
    }
}
