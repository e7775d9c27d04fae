package org.civicledger.command.eloge;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.eloge.AssessmentId;
import org.civicledger.domain.eloge.PrincipleScore;
import org.civicledger.domain.eloge.RecordSelfAssessment;
import org.civicledger.domain.eloge.RecordSurveyResults;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.InvalidField;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A municipality records its ELoGE self-assessment and its citizen-survey results, per year. */
@RestController
@RequestMapping("/api/v1/eloge/{municipalityId}")
class ElogeCommands {

    private final CommandGateway commands;
    private final Actor actor;
    private final ResourceLoader resources;

    ElogeCommands(CommandGateway commands, Actor actor, ResourceLoader resources) {
        this.commands = commands;
        this.actor = actor;
        this.resources = resources;
    }

    record ScoreRequest(Integer principle, Integer score, String evidence) {
    }

    record AssessmentRequest(Integer year, String catalogue, Integer respondents, List<ScoreRequest> principles) {
    }

    @PostMapping("/self-assessments")
    ResponseEntity<Map<String, Object>> selfAssessment(@PathVariable String municipalityId,
                                                       @RequestBody AssessmentRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        AssessmentId id = checks.check(() -> new AssessmentId(new MunicipalityId(municipalityId), year(body.year())));
        String catalogue = checks.check(() -> catalogue(body.catalogue()));
        List<PrincipleScore> scores = checks.check(() -> scores(body.principles()));
        checks.throwIfAny();
        commands.sendAndWait(new RecordSelfAssessment(id, actor.municipality(token), catalogue, scores, actor.pseudonymIn(token, id)));
        return created(id);
    }

    @PostMapping("/surveys")
    ResponseEntity<Map<String, Object>> survey(@PathVariable String municipalityId, @RequestBody AssessmentRequest body,
                                               @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        AssessmentId id = checks.check(() -> new AssessmentId(new MunicipalityId(municipalityId), year(body.year())));
        String catalogue = checks.check(() -> catalogue(body.catalogue()));
        List<PrincipleScore> scores = checks.check(() -> scores(body.principles()));
        Integer respondents = checks.check(() -> {
            if (body.respondents() == null) {
                throw new InvalidField("respondents", "is required");
            }
            return body.respondents();
        });
        checks.throwIfAny();
        commands.sendAndWait(new RecordSurveyResults(id, actor.municipality(token), catalogue, respondents, scores,
                actor.pseudonymIn(token, id)));
        return created(id);
    }

    private static ResponseEntity<Map<String, Object>> created(AssessmentId id) {
        return ResponseEntity.created(URI.create("/api/v1/eloge/" + id.municipalityId().slug() + "?year=" + id.year()))
                .body(Map.of("municipalityId", id.municipalityId().slug(), "year", id.year()));
    }

    private static int year(Integer year) {
        if (year == null) {
            throw new InvalidField("year", "is required");
        }
        return year;
    }

    /** A catalogue is known when its data file is on the classpath ({@code eloge/catalogue-<version>.json}). */
    private String catalogue(String version) {
        String value = version == null || version.isBlank() ? "2008" : version;
        if (!value.matches("[a-z0-9-]{1,20}") || !resources.getResource("classpath:eloge/catalogue-" + value + ".json").exists()) {
            throw new InvalidField("catalogue", "no ELoGE catalogue '" + value + "' is known");
        }
        return value;
    }

    private static List<PrincipleScore> scores(List<ScoreRequest> principles) {
        if (principles == null || principles.isEmpty()) {
            throw new InvalidField("principles", "must score at least one principle");
        }
        return principles.stream().map(p -> {
            if (p.principle() == null || p.score() == null) {
                throw new InvalidField("principles", "every entry needs a principle and a score");
            }
            return new PrincipleScore(p.principle(), p.score(), p.evidence());
        }).toList();
    }
}
