package org.civicledger.command.vote;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.person.EarlierActs;
import org.civicledger.command.person.Identity;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.vote.BallotId;
import org.civicledger.domain.vote.CastVote;
import org.civicledger.domain.vote.WithdrawVote;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's support for an idea: one vote per person per idea; a second one answers {@code 409}. */
@RestController
@RequestMapping("/api/v1/ideas/{ideaId}/votes")
class VoteCommands {

    private final CommandGateway commands;
    private final Actor actor;
    private final EarlierActs earlier;

    VoteCommands(CommandGateway commands, Actor actor, EarlierActs earlier) {
        this.commands = commands;
        this.actor = actor;
        this.earlier = earlier;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> vote(@PathVariable String ideaId, @AuthenticationPrincipal Jwt token) {
        IdeaId idea = IdeaId.parse(ideaId);
        Identity me = actor.identity(token);
        Participant voter = actor.participantIn(token, idea);
        earlier.requireNoEarlierVote(idea, me);
        commands.sendAndWait(new CastVote(new BallotId(idea, voter.pseudonym()), voter, me.actsSince()));
        return ResponseEntity.created(URI.create("/api/v1/ideas/" + idea.value()))
                .body(Map.of("ideaId", idea.value().toString(), "voted", true));
    }

    @DeleteMapping
    ResponseEntity<Void> withdraw(@PathVariable String ideaId, @AuthenticationPrincipal Jwt token) {
        IdeaId idea = IdeaId.parse(ideaId);
        Identity me = actor.identity(token);
        BallotId ballot = earlier.ballotToWithdraw(idea, me);
        commands.sendAndWait(new WithdrawVote(ballot));
        return ResponseEntity.noContent().build();
    }
}
