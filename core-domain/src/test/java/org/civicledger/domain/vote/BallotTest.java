package org.civicledger.domain.vote;

import static org.civicledger.domain.shared.TestVault.text;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.IdeaStanding;
import org.civicledger.domain.idea.IdeaStandings;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.Profile;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.TestVault;
import org.civicledger.domain.shared.StateConflict;
import org.junit.jupiter.api.Test;

class BallotTest {

    static final String IDEA = "1f5b1c8e-0e0b-4b6b-8a7a-3d2c1b0a9f01";
    static final Pseudonym VOTER = new Pseudonym("voter-pseudonym-000001");
    static final BallotId BALLOT = new BallotId(IdeaId.parse(IDEA), VOTER);
    static final Instant SUBMITTED_AT = Instant.parse("2026-03-01T10:00:00Z");
    static final ErasureTag TAG = new ErasureTag("voters-tag");

    private AggregateTestFixture<Ballot> fixtureWhereTheIdeaIs(IdeaStanding standing) {
        AggregateTestFixture<Ballot> fixture = new AggregateTestFixture<>(Ballot.class);
        fixture.registerInjectableResource((IdeaStandings) id -> standing);
        fixture.registerInjectableResource(new TestVault());
        return fixture;
    }

    private AggregateTestFixture<Ballot> open() {
        return fixtureWhereTheIdeaIs(new IdeaStanding("jablanica", IdeaStatus.SUBMITTED, false, SUBMITTED_AT));
    }

    @Test
    void aPersonVotesForAnOpenIdea() {
        open().givenNoPriorActivity()
                .when(new CastVote(BALLOT))
                .expectEvents(new VoteCast(IDEA, VOTER.value()));
    }

    @Test
    void aSecondVoteOfTheSamePersonIsRefused() {
        open().given(new VoteCast(IDEA, VOTER.value()))
                .when(new CastVote(BALLOT))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void aVoteIsWithdrawnAndCanBeCastAgain() {
        open().given(new VoteCast(IDEA, VOTER.value()))
                .when(new WithdrawVote(BALLOT))
                .expectEvents(new VoteWithdrawn(IDEA, VOTER.value()));
        open().given(new VoteCast(IDEA, VOTER.value()), new VoteWithdrawn(IDEA, VOTER.value()))
                .when(new CastVote(BALLOT))
                .expectEvents(new VoteCast(IDEA, VOTER.value()));
    }

    @Test
    void withoutAVoteThereIsNothingToWithdraw() {
        open().givenNoPriorActivity()
                .when(new WithdrawVote(BALLOT))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void anAnsweredIdeaIsNoLongerOpenForSupport() {
        fixtureWhereTheIdeaIs(new IdeaStanding("jablanica", IdeaStatus.ACCEPTED, false, SUBMITTED_AT)).givenNoPriorActivity()
                .when(new CastVote(BALLOT))
                .expectException(StateConflict.class)
                .expectExceptionMessage("The idea is not open for support");
    }

    @Test
    void aHiddenIdeaIsNotOpenForSupport() {
        fixtureWhereTheIdeaIs(new IdeaStanding("jablanica", IdeaStatus.SUBMITTED, true, SUBMITTED_AT)).givenNoPriorActivity()
                .when(new CastVote(BALLOT))
                .expectException(StateConflict.class);
    }

    @Test
    void aVoteCarriesTheVotersStatedProfileSealedUnderTheirTag() {
        Profile profile = new Profile("MALE", "45_54", null);
        open().givenNoPriorActivity()
                .when(new CastVote(BALLOT, new Participant(VOTER, TAG, profile), null))
                .expectEvents(new VoteCast(IDEA, VOTER.value(), text(profile.encode(), TAG)));
    }

    @Test
    void aPersonErasedAfterTheIdeaWasSubmittedCannotVoteOnIt() {
        open().givenNoPriorActivity()
                .when(new CastVote(BALLOT, new Participant(VOTER, TAG, null), SUBMITTED_AT.plusSeconds(60)))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("erased"))
                .expectNoEvents();
    }

    @Test
    void aPersonErasedBeforeTheIdeaWasSubmittedVotesOnIt() {
        open().givenNoPriorActivity()
                .when(new CastVote(BALLOT, new Participant(VOTER, TAG, null), SUBMITTED_AT.minusSeconds(60)))
                .expectEvents(new VoteCast(IDEA, VOTER.value()));
    }
}
