package org.civicledger.domain.vote;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.IdeaStanding;
import org.civicledger.domain.idea.IdeaStandings;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/** One person's support for one idea: cast, withdrawn, cast again — at most one vote at a time. */
public class Ballot {

    @AggregateIdentifier
    private BallotId id;
    private boolean counted;

    protected Ballot() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CastVote command, IdeaStandings ideas, TextVault vault) {
        if (counted) {
            throw new StateConflict("VOTED", "This person has already voted for this idea");
        }
        IdeaStanding idea = requireOpen(command.ballotId(), ideas);
        if (command.actsSince() != null && idea.submittedAt() != null && idea.submittedAt().isBefore(command.actsSince())) {
            throw new StateConflict("ERASED_BEFORE", "This person's earlier data was erased after this idea was "
                    + "submitted; their earlier vote on it, if any, can no longer be told apart, so they cannot vote on it");
        }
        apply(new VoteCast(command.ballotId().ideaId().value().toString(), command.ballotId().voter().value(),
                command.voter().sealedProfile(vault)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WithdrawVote command, IdeaStandings ideas) {
        if (!counted) {
            throw new StateConflict("NOT_VOTED", "This person has no vote for this idea to withdraw");
        }
        requireOpen(command.ballotId(), ideas);
        apply(new VoteWithdrawn(command.ballotId().ideaId().value().toString(), command.ballotId().voter().value()));
    }

    private static IdeaStanding requireOpen(BallotId ballot, IdeaStandings ideas) {
        IdeaStanding idea = ideas.standingOf(ballot.ideaId());
        if (!idea.openForSupport()) {
            throw new StateConflict(idea.describe(), "The idea is not open for support");
        }
        return idea;
    }

    /** Whether the ballot's vote counts now. */
    public boolean counts() {
        return counted;
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        if (id == null) {
            id = new BallotId(IdeaId.parse(event.ideaId()), new Pseudonym(event.voterPseudonym()));
        }
        counted = true;
    }

    @EventSourcingHandler
    void on(VoteWithdrawn event) {
        counted = false;
    }
}
