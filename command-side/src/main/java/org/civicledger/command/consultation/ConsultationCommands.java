package org.civicledger.command.consultation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.person.EarlierActs;
import org.civicledger.command.person.Identity;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.consultation.AnswerConsultation;
import org.civicledger.domain.consultation.AnswerId;
import org.civicledger.domain.consultation.CloseConsultation;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.consultation.ConsultationOption;
import org.civicledger.domain.consultation.MultilingualText;
import org.civicledger.domain.consultation.OpenConsultation;
import org.civicledger.domain.consultation.PublishConclusion;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.shared.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Consultations: a municipality asks, citizens answer once each, the municipality concludes. */
@RestController
@RequestMapping("/api/v1/consultations")
class ConsultationCommands {

    private final CommandGateway commands;
    private final Actor actor;
    private final Clock clock;
    private final EarlierActs earlier;

    ConsultationCommands(CommandGateway commands, Actor actor, Clock clock, EarlierActs earlier) {
        this.commands = commands;
        this.actor = actor;
        this.clock = clock;
        this.earlier = earlier;
    }

    record OptionRequest(String optionId, Map<String, String> label) {
    }

    record OpenRequest(Map<String, String> question, List<OptionRequest> options, String opensAt, String closesAt,
                       String ideaId) {
    }

    record AnswerRequest(String optionId) {
    }

    record ConclusionRequest(String conclusion) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> open(@RequestBody OpenRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        MultilingualText question = checks.check(() -> MultilingualText.of("question", body.question(), 5, 500));
        List<ConsultationOption> options = checks.check(() -> options(body.options()));
        Instant opensAt = checks.check(() -> instant("opensAt", body.opensAt(), false));
        Instant closesAt = checks.check(() -> instant("closesAt", body.closesAt(), true));
        IdeaId aboutIdea = checks.check(() -> body.ideaId() == null || body.ideaId().isBlank() ? null : IdeaId.parse(body.ideaId()));
        checks.throwIfAny();
        ConsultationId id = new ConsultationId(UUID.randomUUID());
        commands.sendAndWait(new OpenConsultation(id, actor.municipality(token), question, options, opensAt, closesAt,
                clock.instant(), actor.pseudonymIn(token, id), aboutIdea));
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + id.value()))
                .body(Map.of("consultationId", id.value().toString(),
                        "optionIds", options.stream().map(ConsultationOption::optionId).toList()));
    }

    @PostMapping("/{consultationId}/closure")
    ResponseEntity<Void> close(@PathVariable String consultationId, @AuthenticationPrincipal Jwt token) {
        ConsultationId id = ConsultationId.parse(consultationId);
        commands.sendAndWait(new CloseConsultation(id, actor.municipality(token), actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{consultationId}/conclusion")
    ResponseEntity<Map<String, String>> conclude(@PathVariable String consultationId, @RequestBody ConclusionRequest body,
                                                 @AuthenticationPrincipal Jwt token) {
        ConsultationId id = ConsultationId.parse(consultationId);
        commands.sendAndWait(new PublishConclusion(id, actor.municipality(token), body.conclusion(), clock.instant(),
                actor.pseudonymIn(token, id)));
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + id.value()))
                .body(Map.of("consultationId", id.value().toString()));
    }

    @PostMapping("/{consultationId}/answers")
    ResponseEntity<Map<String, String>> answer(@PathVariable String consultationId, @RequestBody AnswerRequest body,
                                               @AuthenticationPrincipal Jwt token) {
        ConsultationId id = ConsultationId.parse(consultationId);
        Identity me = actor.identity(token);
        Participant respondent = actor.participantIn(token, id);
        earlier.requireNoEarlierAnswer(id, me);
        commands.sendAndWait(new AnswerConsultation(new AnswerId(id, respondent.pseudonym()), body.optionId(),
                clock.instant(), respondent, me.actsSince()));
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + id.value()))
                .body(Map.of("consultationId", id.value().toString(), "optionId", body.optionId()));
    }

    private static List<ConsultationOption> options(List<OptionRequest> options) {
        if (options == null || options.size() < 2 || options.size() > 20) {
            throw new InvalidField("options", "must offer 2 to 20 options");
        }
        return options.stream()
                .map(o -> new ConsultationOption(o.optionId(), MultilingualText.of("options", o.label(), 1, 200)))
                .toList();
    }

    private static Instant instant(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidField(field, "is required, as an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            }
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
