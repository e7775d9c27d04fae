package org.civicledger.command.idea;

import static org.civicledger.command.http.FieldChecks.oneOf;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.idea.ActionKind;
import org.civicledger.domain.idea.AmendIdea;
import org.civicledger.domain.idea.AnswerDecision;
import org.civicledger.domain.idea.AnswerIdea;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.Department;
import org.civicledger.domain.idea.Description;
import org.civicledger.domain.idea.ForwardAction;
import org.civicledger.domain.idea.HideIdea;
import org.civicledger.domain.idea.Idea;
import org.civicledger.domain.idea.RedactIdeaText;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.Language;
import org.civicledger.domain.idea.LocalCommunity;
import org.civicledger.domain.idea.ReportProgress;
import org.civicledger.domain.idea.RestoreIdea;
import org.civicledger.domain.idea.SubmitIdea;
import org.civicledger.domain.idea.Title;
import org.civicledger.domain.idea.Topic;
import org.civicledger.domain.idea.ValidateIdea;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Reason;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API for an idea's life (contract section 3). Each call answers once its event is
 * durably stored; a step the idea's state does not allow answers {@code 409} naming that state.
 */
@RestController
@RequestMapping("/api/v1/ideas")
class IdeaCommands {

    private final CommandGateway commands;
    private final Actor actor;

    IdeaCommands(CommandGateway commands, Actor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    record IdeaText(String municipalityId, String localCommunity, String topic, String title,
                    String description, String language) {
    }

    record ValidationRequest(String decision, String reason) {
    }

    record ActionRequest(String kind, String description) {
    }

    record ResponseRequest(String decision, String rationale, String department) {
    }

    record ProgressRequest(Integer percent, String note) {
    }

    record ModerationRequest(String decision, String reason) {
    }

    record RedactionRequest(Integer version, String field, String reason) {
    }

    /** An idea's text as checked value objects; every broken rule is named at once. */
    private record CheckedText(LocalCommunity localCommunity, Topic topic, Title title, Description description,
                               Language language) {

        static CheckedText of(IdeaText body, FieldChecks checks) {
            CheckedText text = new CheckedText(
                    checks.check(() -> LocalCommunity.optional(body.localCommunity())),
                    checks.check(() -> new Topic(body.topic())),
                    checks.check(() -> new Title(body.title())),
                    checks.check(() -> new Description(body.description())),
                    checks.check(() -> Language.ofTag(body.language())));
            checks.throwIfAny();
            return text;
        }
    }

    @PostMapping
    ResponseEntity<Map<String, String>> submit(@RequestBody IdeaText body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        MunicipalityId municipality = checks.check(() -> new MunicipalityId(body.municipalityId()));
        CheckedText text = CheckedText.of(body, checks);

        IdeaId ideaId = IdeaId.random();
        commands.sendAndWait(new SubmitIdea(ideaId, municipality, text.localCommunity(), text.topic(), text.title(),
                text.description(), text.language(), Channel.WEB, actor.participantIn(token, ideaId), null));
        return created(ideaId, Map.of("ideaId", ideaId.value().toString()));
    }

    /** The author's new version after a CSO asked for changes; the municipality cannot change. */
    @PostMapping("/{ideaId}/amendments")
    ResponseEntity<Map<String, String>> amend(@PathVariable String ideaId, @RequestBody IdeaText body,
                                              @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        CheckedText text = CheckedText.of(body, new FieldChecks());
        commands.sendAndWait(new AmendIdea(id, text.localCommunity(), text.topic(), text.title(), text.description(),
                text.language(), actor.participantIn(token, id), actor.identity(token).earlier()));
        return created(id, Map.of("ideaId", id.value().toString()));
    }

    @PostMapping("/{ideaId}/validations")
    ResponseEntity<Map<String, String>> validate(@PathVariable String ideaId, @RequestBody ValidationRequest body,
                                                 @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        FieldChecks checks = new FieldChecks();
        ValidationDecision decision = checks.check(() -> oneOf("decision", body.decision(), ValidationDecision.class));
        Reason reason = checks.check(() -> new Reason("reason", body.reason()));
        checks.throwIfAny();
        commands.sendAndWait(new ValidateIdea(id, actor.cso(token), decision, reason, actor.pseudonymIn(token, id)));
        return created(id, Map.of("ideaId", id.value().toString(), "decision", decision.name()));
    }

    @PostMapping("/{ideaId}/actions")
    ResponseEntity<Map<String, String>> forward(@PathVariable String ideaId, @RequestBody ActionRequest body,
                                                @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        FieldChecks checks = new FieldChecks();
        ActionKind kind = checks.check(() -> oneOf("kind", body.kind(), ActionKind.class));
        Description description = checks.check(() -> new Description(body.description()));
        checks.throwIfAny();
        commands.sendAndWait(new ForwardAction(id, actor.cso(token), kind, description, actor.pseudonymIn(token, id)));
        return created(id, Map.of("ideaId", id.value().toString(), "kind", kind.name()));
    }

    @PostMapping("/{ideaId}/responses")
    ResponseEntity<Map<String, String>> answer(@PathVariable String ideaId, @RequestBody ResponseRequest body,
                                               @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        FieldChecks checks = new FieldChecks();
        AnswerDecision decision = checks.check(() -> oneOf("decision", body.decision(), AnswerDecision.class));
        Reason rationale = checks.check(() -> new Reason("rationale", body.rationale()));
        Department department = checks.check(() -> new Department(body.department()));
        checks.throwIfAny();
        commands.sendAndWait(new AnswerIdea(id, actor.municipality(token), decision, rationale, department,
                actor.pseudonymIn(token, id)));
        return created(id, Map.of("ideaId", id.value().toString(), "decision", decision.name()));
    }

    @PostMapping("/{ideaId}/progress")
    ResponseEntity<Map<String, Object>> progress(@PathVariable String ideaId, @RequestBody ProgressRequest body,
                                                 @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        if (body.percent() == null) {
            throw new InvalidField("percent", "is required: 0 to 100");
        }
        commands.sendAndWait(new ReportProgress(id, actor.municipality(token), body.percent(), body.note(),
                actor.pseudonymIn(token, id)));
        return created(id, Map.of("ideaId", id.value().toString(), "percent", body.percent()));
    }

    /** Hides an idea, or restores it on appeal; nothing is ever deleted. */
    @PostMapping("/{ideaId}/moderation")
    ResponseEntity<Void> moderate(@PathVariable String ideaId, @RequestBody ModerationRequest body,
                                  @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        FieldChecks checks = new FieldChecks();
        String decision = checks.check(() -> {
            if (!"HIDE".equals(body.decision()) && !"RESTORE".equals(body.decision())) {
                throw new InvalidField("decision", "must be one of [HIDE, RESTORE]");
            }
            return body.decision();
        });
        Reason reason = checks.check(() -> new Reason("reason", body.reason()));
        checks.throwIfAny();
        commands.sendAndWait("HIDE".equals(decision)
                ? new HideIdea(id, reason, actor.pseudonymIn(token, id))
                : new RestoreIdea(id, reason, actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    /**
     * Redacts one text of the idea for good (a moderator's decision, unlike hiding it): its key is destroyed,
     * so it is gone from every read, replay and export and from beside the transparency log.
     */
    @PostMapping("/{ideaId}/redactions")
    ResponseEntity<Void> redact(@PathVariable String ideaId, @RequestBody RedactionRequest body,
                                @AuthenticationPrincipal Jwt token) {
        IdeaId id = IdeaId.parse(ideaId);
        FieldChecks checks = new FieldChecks();
        String field = checks.check(() -> {
            if (body.field() == null || !Idea.REDACTABLE.contains(body.field())) {
                throw new InvalidField("field", "must be one of " + Idea.REDACTABLE);
            }
            return body.field();
        });
        Integer version = checks.check(() -> {
            if (body.version() != null && body.version() < 1) {
                throw new InvalidField("version", "must be 1 or more, or left out for the current version");
            }
            return body.version();
        });
        Reason reason = checks.check(() -> new Reason("reason", body.reason()));
        checks.throwIfAny();
        commands.sendAndWait(new RedactIdeaText(id, version, field, reason, actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    private static <T> ResponseEntity<T> created(IdeaId id, T body) {
        return ResponseEntity.created(URI.create("/api/v1/ideas/" + id.value())).body(body);
    }
}
