package org.civicledger.command.vote;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.security.Actor;
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

    VoteCommands(CommandGateway commands, Actor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> vote(@PathVariable String ideaId, @AuthenticationPrincipal Jwt token) {
        IdeaId idea = IdeaId.parse(ideaId);
        commands.sendAndWait(new CastVote(new BallotId(idea, actor.pseudonym(token))));
        return ResponseEntity.created(URI.create("/api/v1/ideas/" + idea.value()))
                .body(Map.of("ideaId", idea.value().toString(), "voted", true));
    }

    @DeleteMapping
    ResponseEntity<Void> withdraw(@PathVariable String ideaId, @AuthenticationPrincipal Jwt token) {
        IdeaId idea = IdeaId.parse(ideaId);
        commands.sendAndWait(new WithdrawVote(new BallotId(idea, actor.pseudonym(token))));
        return ResponseEntity.noContent().build();
    }
}
