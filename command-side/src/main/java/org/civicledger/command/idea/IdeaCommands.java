package org.civicledger.command.idea;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.person.Pseudonyms;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.Description;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.Language;
import org.civicledger.domain.idea.LocalCommunity;
import org.civicledger.domain.idea.SubmitIdea;
import org.civicledger.domain.idea.Title;
import org.civicledger.domain.idea.Topic;
import org.civicledger.domain.municipality.MunicipalityId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write API for ideas (contract section 3). Answers once the event is durably stored. */
@RestController
@RequestMapping("/api/v1/ideas")
class IdeaCommands {

    private final CommandGateway commands;
    private final Pseudonyms pseudonyms;

    IdeaCommands(CommandGateway commands, Pseudonyms pseudonyms) {
        this.commands = commands;
        this.pseudonyms = pseudonyms;
    }

    record SubmitIdeaRequest(String municipalityId, String localCommunity, String topic, String title,
                             String description, String language) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> submit(@RequestBody SubmitIdeaRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        MunicipalityId municipality = checks.check(() -> new MunicipalityId(body.municipalityId()));
        LocalCommunity localCommunity = checks.check(() -> LocalCommunity.optional(body.localCommunity()));
        Topic topic = checks.check(() -> new Topic(body.topic()));
        Title title = checks.check(() -> new Title(body.title()));
        Description description = checks.check(() -> new Description(body.description()));
        Language language = checks.check(() -> Language.ofTag(body.language()));
        checks.throwIfAny();

        IdeaId ideaId = IdeaId.random();
        commands.sendAndWait(new SubmitIdea(ideaId, municipality, localCommunity, topic, title, description,
                language, Channel.WEB, pseudonyms.of(token.getSubject())));
        String id = ideaId.value().toString();
        return ResponseEntity.created(URI.create("/api/v1/ideas/" + id)).body(Map.of("ideaId", id));
    }
}
