package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.app.Api.Reply;
import org.civicledger.domain.consultation.BenchOpinionId;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.consultation.GiveBenchOpinion;
import org.civicledger.domain.municipality.MunicipalityId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A municipality asks, citizens answer once each, benches add anonymous opinions apart, the municipality concludes. */
class ConsultationEndToEndTest extends SharedSystemTest {

    private static String officerOf(String municipality) {
        return api.token("officer-" + municipality, List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", municipality));
    }

    private static Map<String, Object> consultation() {
        Map<String, Object> body = new HashMap<>();
        body.put("question", Map.of("bs", "Gdje postaviti novu pametnu klupu?", "sr-cyrl", "Гдје поставити нову паметну клупу?"));
        body.put("options", List.of(Map.of("optionId", "park", "label", Map.of("bs", "U gradskom parku")),
                Map.of("optionId", "school", "label", Map.of("bs", "Kod osnovne škole"))));
        body.put("closesAt", Instant.now().plus(Duration.ofDays(7)).toString());
        return body;
    }

    private static JsonNode consultationWhen(String id, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Reply reply = api.get("/api/v1/consultations/" + id);
            return reply.status() == 200 && condition.test(reply.body());
        });
        return api.get("/api/v1/consultations/" + id).body();
    }

    @Test
    void aConsultationIsAnsweredClosedAndConcluded() {
        String officer = officerOf("novi-grad");
        Reply opened = api.post("/api/v1/consultations", officer, consultation());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json("consultationId").asString();

        String amela = api.token("citizen-amela", "CITIZEN");
        assertThat(api.post("/api/v1/consultations/" + id + "/answers", amela, Map.of("optionId", "park")).status())
                .isEqualTo(201);
        for (String other : List.of("citizen-belma", "citizen-ciro", "citizen-dado", "citizen-ema")) {
            assertThat(api.post("/api/v1/consultations/" + id + "/answers", api.token(other, "CITIZEN"),
                    Map.of("optionId", other.equals("citizen-ema") ? "park" : "school")).status()).isEqualTo(201);
        }
        Reply twice = api.post("/api/v1/consultations/" + id + "/answers", amela, Map.of("optionId", "school"));
        assertProblem(twice, 409, "conflict");
        assertThat(twice.json("currentState").asString()).isEqualTo("ANSWERED");
        assertProblem(api.post("/api/v1/consultations/" + id + "/answers", api.token("citizen-x", "CITIZEN"),
                Map.of("optionId", "pool")), 400, "validation-failed");

        CommandGateway commands = system.bean(CommandGateway.class);
        for (int i = 0; i < 5; i++) {
            GiveBenchOpinion opinion = new GiveBenchOpinion(new BenchOpinionId(UUID.randomUUID()), ConsultationId.parse(id),
                    "school", "bench-novi-grad", new MunicipalityId("novi-grad"), Instant.now());
            commands.sendAndWait(opinion);
            commands.sendAndWait(opinion); // the same bench message delivered again
        }

        JsonNode results = consultationWhen(id, c -> c.get("identifiedAnswers").asLong() == 5
                && c.get("anonymousOpinions").asLong() == 5);
        assertThat(results.get("status").asString()).isEqualTo("OPEN");
        assertThat(results.at("/question/sr-Cyrl").asString()).isEqualTo("Гдје поставити нову паметну клупу?");
        // 2 and 3 by option: both withheld, though the total of 5 is shown
        assertThat(results.at("/options/0/identified").isNull()).isTrue();
        assertThat(results.at("/options/1/identified").isNull()).isTrue();
        assertThat(Journeys.withheld(results, "/options/0/identified")).isEqualTo("SMALL");
        assertThat(results.at("/options/1/anonymous").asLong()).isEqualTo(5);
        assertThat(results.at("/options/0/anonymous").asLong()).isZero();

        assertProblem(api.post("/api/v1/consultations/" + id + "/conclusion", officer, Map.of("conclusion", "Prerano")),
                409, "conflict");
        assertProblem(api.post("/api/v1/consultations/" + id + "/closure", officerOf("prijedor"), Map.of()), 403, "forbidden");
        assertThat(api.post("/api/v1/consultations/" + id + "/closure", officer, Map.of()).status()).isEqualTo(204);
        Reply late = api.post("/api/v1/consultations/" + id + "/answers", api.token("citizen-late", "CITIZEN"),
                Map.of("optionId", "park"));
        assertProblem(late, 409, "conflict");
        assertThat(late.json("currentState").asString()).isEqualTo("CLOSED");
        assertThat(api.post("/api/v1/consultations/" + id + "/conclusion", officer,
                Map.of("conclusion", "Klupa će biti postavljena u gradskom parku.")).status()).isEqualTo(201);

        JsonNode concluded = consultationWhen(id, c -> !c.get("conclusion").isNull());
        assertThat(concluded.get("status").asString()).isEqualTo("CLOSED");
        assertThat(concluded.get("conclusion").asString()).startsWith("Klupa će");
        assertThat(api.get("/api/v1/consultations?municipalityId=novi-grad").body().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void benchOpinionsInAConsultationAboutAnIdeaAreTheIdeasBenchOpinionsApartFromVotes() {
        String citizen = api.token("citizen-idea-owner", "CITIZEN");
        String ideaId = api.post("/api/v1/ideas", citizen, IdeaLoopEndToEndTest.idea("kostajnica")).json("ideaId").asString();
        api.post("/api/v1/ideas/" + ideaId + "/votes", citizen, Map.of());
        Map<String, Object> about = consultation();
        about.put("ideaId", ideaId);
        assertProblem(api.post("/api/v1/consultations", officerOf("maglaj"), about), 400, "validation-failed");
        String id = api.post("/api/v1/consultations", officerOf("kostajnica"), about).json("consultationId").asString();

        CommandGateway commands = system.bean(CommandGateway.class);
        for (int i = 0; i < 6; i++) {
            commands.sendAndWait(new GiveBenchOpinion(new BenchOpinionId(UUID.randomUUID()), ConsultationId.parse(id),
                    i == 0 ? "park" : "school", "bench-kostajnica", new MunicipalityId("kostajnica"), Instant.now()));
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/ideas/" + ideaId).body().at("/votes/anonymousOpinions").asLong() == 6);
        assertThat(Journeys.countedVotes(system, ideaId)).isEqualTo(1);
        assertThat(Journeys.withheld(api.get("/api/v1/ideas/" + ideaId).body(), "/votes/identified")).isEqualTo("SMALL");
        assertThat(api.get("/api/v1/consultations/" + id).json("ideaId").asString()).isEqualTo(ideaId);
    }

    @Test
    void openingValidatesEveryField() {
        Map<String, Object> body = new HashMap<>();
        body.put("question", Map.of("de", "Wo?"));
        body.put("options", List.of(Map.of("optionId", "Only One", "label", Map.of("bs", "x"))));
        body.put("closesAt", "tomorrow");

        Reply reply = api.post("/api/v1/consultations", officerOf("maglaj"), body);

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("question", "options", "closesAt");
        Map<String, Object> past = consultation();
        past.put("closesAt", "2020-01-01T00:00:00Z");
        assertProblem(api.post("/api/v1/consultations", officerOf("maglaj"), past), 400, "validation-failed");
    }
}
