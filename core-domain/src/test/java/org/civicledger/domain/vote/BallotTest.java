package org.civicledger.domain.vote;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.IdeaStanding;
import org.civicledger.domain.idea.IdeaStandings;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.StateConflict;
import org.junit.jupiter.api.Test;

class BallotTest {

    static final String IDEA = "1f5b1c8e-0e0b-4b6b-8a7a-3d2c1b0a9f01";
    static final Pseudonym VOTER = new Pseudonym("voter-pseudonym-000001");
    static final BallotId BALLOT = new BallotId(IdeaId.parse(IDEA), VOTER);

    private AggregateTestFixture<Ballot> fixtureWhereTheIdeaIs(IdeaStanding standing) {
        AggregateTestFixture<Ballot> fixture = new AggregateTestFixture<>(Ballot.class);
        fixture.registerInjectableResource((IdeaStandings) id -> standing);
        return fixture;
    }

    private AggregateTestFixture<Ballot> open() {
        return fixtureWhereTheIdeaIs(new IdeaStanding("jablanica", IdeaStatus.SUBMITTED, false));
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
        fixtureWhereTheIdeaIs(new IdeaStanding("jablanica", IdeaStatus.ACCEPTED, false)).givenNoPriorActivity()
                .when(new CastVote(BALLOT))
                .expectException(StateConflict.class)
                .expectExceptionMessage("The idea is not open for support");
    }

    @Test
    void aHiddenIdeaIsNotOpenForSupport() {
        fixtureWhereTheIdeaIs(new IdeaStanding("jablanica", IdeaStatus.SUBMITTED, true)).givenNoPriorActivity()
                .when(new CastVote(BALLOT))
                .expectException(StateConflict.class);
    }
}
