package org.civicledger.query.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicledger.domain.shared.TestVault.text;

import java.time.Clock;
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
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.consultation.ConsultationReader;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.readmodel.TestPass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idea projection, applied by a pass over a MongoDB-wire server: duplicates, replays and a write cut short
 * never change what was projected; an idea shows the ballots that count now.
 */
class IdeaProjectionTest {

    private static final String ID = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";
    private static final String IDEA = "idea-" + ID;
    private static final Instant AT = Instant.parse("2026-11-01T10:15:30Z");

    private final TestVault vault = new TestVault();
    private TestPass pass;

    @BeforeEach
    void setUp() {
        pass = TestPass.of(new IdeaProjection());
    }

    @AfterEach
    void tearDown() {
        pass.close();
    }

    private static IdeaSubmitted submitted(String title) {
        return new IdeaSubmitted(ID, "maglaj", null, "parks", text(title), text("Opis"), "hr", Channel.BENCH,
                "pseudonym-0123456789", "bench-maglaj", null);
    }

    /** An event of the idea's own stream. */
    private void idea(Object event, long sequence) {
        pass.apply(event, IDEA, sequence, AT);
    }

    /** An event of a voter's ballot on the idea. */
    private void ballot(Object event, long sequence) {
        pass.apply(event, "ballot", sequence, AT);
    }

    private IdeaView view() {
        pass.write();
        return reader().find(ID).orElseThrow();
    }

    private IdeaReader reader() {
        return new IdeaReader(pass.reader(), new ConsultationReader(pass.reader(), vault, Clock.systemUTC()), vault);
    }

    @Test
    void anIdeaIsProjectedAsThePublicSeesIt() {
        idea(submitted("Novi park"), 0);

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
        idea(submitted("Novi park"), 0);

        idea(submitted("Novi park"), 0);
        pass.apply(submitted("A different title that must not win"), IDEA, 0, Instant.parse("2026-11-02T00:00:00Z"));

        assertThat(pass.write().all(IdeaProjection.IDEAS)).hasSize(1);
        assertThat(view().title()).isEqualTo("Novi park");
        assertThat(view().submittedAt()).isEqualTo(AT);
    }

    @Test
    void aReplayedValidationIsRecordedOnceAndALaterOneSupersedes() {
        idea(submitted("Novi park"), 0);
        CsoValidationRecorded changes = new CsoValidationRecorded(ID, "cso-a", ValidationDecision.REQUEST_CHANGES,
                text("Dodati lokaciju"), 1, "member-1");

        idea(changes, 1);
        idea(changes, 1);

        assertThat(view().validations()).hasSize(1);
        assertThat(view().status()).isEqualTo("CHANGES_REQUESTED");

        idea(new IdeaAmended(ID, 2, null, "parks", text("Novi park kod škole"), text("Opis"), "hr", "p"), 2);
        idea(new CsoValidationRecorded(ID, "cso-a", ValidationDecision.ENDORSE, text("Sada jasno"), 2, "member-1"), 3);

        IdeaView view = view();
        assertThat(view.title()).isEqualTo("Novi park kod škole");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.validations()).extracting(IdeaView.Validation::current).containsExactly(false, true);
        assertThat(view.status()).isEqualTo("SUBMITTED");
    }

    @Test
    void theLifecycleIsFollowedToTheAnswer() {
        idea(submitted("Novi park"), 0);
        idea(new IdeaValidated(ID, java.util.List.of("a", "b"), 2), 3);
        idea(new ActionForwarded(ID, "a", "maglaj", ActionKind.PETITION, text("Peticija"), "m"), 4);
        idea(new IdeaAnswered(ID, "maglaj", AnswerDecision.ACCEPTED, text("Ima budžeta"), "Urbanizam", "o"), 5);

        IdeaView view = view();
        assertThat(view.status()).isEqualTo("ACCEPTED");
        assertThat(view.action().kind()).isEqualTo("PETITION");
        assertThat(view.response().department()).isEqualTo("Urbanizam");
    }

    @Test
    void aHiddenIdeaWithholdsItsTextAndShowsTheReason() {
        idea(submitted("Novi park"), 0);

        idea(new IdeaHidden(ID, text("Uvredljiv sadržaj"), "moderator"), 1);

        assertThat(view().title()).isNull();
        assertThat(view().description()).isNull();
        assertThat(view().moderation().reason()).isEqualTo("Uvredljiv sadržaj");
    }

    @Test
    void theIdeaShowsTheBallotsThatCountNow() {
        idea(submitted("Novi park"), 0);

        ballot(new VoteCast(ID, "voter-1"), 0);
        ballot(new VoteCast(ID, "voter-2"), 0);
        ballot(new VoteWithdrawn(ID, "voter-2"), 1);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).getLong("votes")).isEqualTo(1);
    }

    @Test
    void theAuthorsPseudonymIsNotPartOfThePublicView() {
        idea(submitted("Novi park"), 0);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).toJson()).doesNotContain("pseudonym-0123456789");
    }

    @Test
    void aCountOfVotesFromOneToFourIsWithheldAndSaysSo() {
        idea(submitted("Novi park"), 0);
        ballot(new VoteCast(ID, "voter-1"), 0);

        assertThat(view().votes().identified()).isNull();
        assertThat(view().disclosure().withheld()).containsEntry("/votes/identified", Disclosure.Reason.SMALL);
        assertThat(view().votes().anonymousOpinions()).isZero();
    }

    @Test
    void aRedactedDescriptionIsWithheldForGoodAndSaysWhy() {
        idea(submitted("Novi park"), 0);

        vault.redact(text("Opis"));

        assertThat(view().title()).isEqualTo("Novi park");
        assertThat(view().description()).isNull();
        assertThat(view().withheld()).containsExactly(java.util.Map.entry("description", "REDACTED"));
    }

    @Test
    void theReadStoreKeepsTextsSealedNeverInClear() {
        idea(submitted("Novi park"), 0);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).toJson()).doesNotContain("Novi park");
    }

    @Test
    void anUnknownIdeaIsAbsent() {
        assertThat(reader().find(ID)).isEmpty();
    }

    @Test
    void aVoteDeliveredTwiceCountsOnce() {
        idea(submitted("Novi park"), 0);
        ballot(new VoteCast(ID, "voter-1"), 0);

        ballot(new VoteCast(ID, "voter-1"), 0);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).getLong("votes")).isEqualTo(1);
    }

    @Test
    void aWithdrawnVoteCountsAgainWhenCastAgain() {
        idea(submitted("Novi park"), 0);
        ballot(new VoteCast(ID, "voter-1"), 0);
        ballot(new VoteWithdrawn(ID, "voter-1"), 1);

        ballot(new VoteCast(ID, "voter-1"), 2);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).getLong("votes")).isEqualTo(1);
    }

    @Test
    void aBallotsWholeHistoryReplayedChangesNothing() {
        idea(submitted("Novi park"), 0);
        ballot(new VoteCast(ID, "voter-1"), 0);
        ballot(new VoteWithdrawn(ID, "voter-1"), 1);
        ballot(new VoteCast(ID, "voter-2"), 0);
        pass.write();

        ballot(new VoteCast(ID, "voter-1"), 0);
        ballot(new VoteWithdrawn(ID, "voter-1"), 1);
        ballot(new VoteCast(ID, "voter-2"), 0);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).getLong("votes")).isEqualTo(1);
    }

    @Test
    void aWriteCutShortAtAnyDocumentCountsEachVoteOnceWhenTheEventsAreAppliedAgain() {
        java.util.List<Object> votes = java.util.List.of(new VoteCast(ID, "voter-1"), new VoteCast(ID, "voter-2"),
                new VoteCast(ID, "voter-3"));
        boolean cutShort = true;
        for (int cut = 0; cutShort; cut++) {
            pass.close();
            pass = TestPass.of(new IdeaProjection());
            idea(submitted("Novi park"), 0);
            pass.write();
            votes.forEach(v -> ballot(v, 0));
            ballot(new VoteWithdrawn(ID, "voter-3"), 1);

            cutShort = pass.failWritesAfter(cut).writeCutShort();
            pass.restart();
            votes.forEach(v -> ballot(v, 0));
            ballot(new VoteWithdrawn(ID, "voter-3"), 1);

            assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).getLong("votes")).as("cut after %d", cut).isEqualTo(2);
        }
    }

    @Test
    void anIdeaWhoseCountWasLostWhileItsBallotsWereKeptCountsThemWhenTheVotesAreAppliedAgain() {
        idea(submitted("Novi park"), 0);
        org.bson.Document beforeTheVote = pass.write().stored(IdeaProjection.IDEAS, ID);
        ballot(new VoteCast(ID, "voter-1"), 0);
        pass.write().storedBack(IdeaProjection.IDEAS, beforeTheVote).restart();

        ballot(new VoteCast(ID, "voter-1"), 0);

        assertThat(pass.write().stored(IdeaProjection.IDEAS, ID).getLong("votes")).isEqualTo(1);
    }
}
