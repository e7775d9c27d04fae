package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.app.Api.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One citizen idea travels from the HTTP API into the event store, through the projection into the
 * read store, and back out of the dashboard: over real HTTP, on the configured event store.
 */
class IdeaLoopEndToEndTest extends SharedSystemTest {

    static Map<String, Object> idea(String municipality) {
        Map<String, Object> idea = new HashMap<>();
        idea.put("municipalityId", municipality);
        idea.put("localCommunity", "Donja Mahala");
        idea.put("topic", "public-lighting");
        idea.put("title", "Rasvjeta na šetalištu uz Neretvu");
        idea.put("description", "Šetalište je noću mračno.\nPredlažemo solarne lampe.");
        idea.put("language", "bs");
        return idea;
    }

    @Test
    void theTwelveMunicipalitiesOfTheBriefAreRegistered() {
        Reply reply = api.get("/api/v1/municipalities");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().valueStream().map(m -> m.get("municipalityId").asString()).toList())
                .containsExactlyInAnyOrder("berkovici", "jablanica", "kostajnica", "maglaj", "mostar", "nevesinje",
                        "novi-grad", "prijedor", "ravno", "trebinje", "zavidovici", "zepce");
        assertThat(api.get("/api/v1/municipalities/zepce").json("name").asString()).isEqualTo("Žepče");
    }

    @Test
    void anIdeaSubmittedOverHttpIsOnItsMunicipalityDashboard() {
        String token = api.token("citizen-amra", "CITIZEN");
        Map<String, Object> text = idea("mostar");
        text.put("topic", "river-banks");

        Reply created = api.post("/api/v1/ideas", token, text);

        assertThat(created.status()).isEqualTo(201);
        String ideaId = created.json("ideaId").asString();
        assertThat(created.location()).isEqualTo("/api/v1/ideas/" + ideaId);
        // its topic appears among the dashboard's topics; how many is banded (fewer than five: withheld)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/municipalities/mostar/dashboard").body().at("/ideas/byTopic").has("river-banks")).isTrue());
        JsonNode dashboard = api.get("/api/v1/municipalities/mostar/dashboard").body();
        assertThat(dashboard.at("/ideas/byTopic/river-banks").isNull()).isTrue();
        assertThat(Journeys.withheld(dashboard, "/ideas/byTopic/river-banks")).isEqualTo("FEWER_THAN_FIVE");

        Reply idea = api.get("/api/v1/ideas/" + ideaId);
        assertThat(idea.status()).isEqualTo(200);
        assertThat(idea.json("title").asString()).isEqualTo("Rasvjeta na šetalištu uz Neretvu");
        assertThat(idea.json("description").asString()).contains("\n");
        assertThat(idea.json("localCommunity").asString()).isEqualTo("Donja Mahala");
        assertThat(idea.json("channel").asString()).isEqualTo("WEB");
        assertThat(idea.json("status").asString()).isEqualTo("SUBMITTED");
        assertThat(idea.body().toString()).doesNotContain("citizen-amra");
    }

    @Test
    void ideasOfOneMunicipalityStayOffAnothersDashboard() {
        String token = api.token("citizen-bojan", "CITIZEN");
        Map<String, Object> idea = idea("trebinje");
        idea.put("language", "sr-cyrl");
        idea.put("title", "Бициклистичка стаза");
        idea.put("topic", "bike-lanes");

        String ideaId = api.post("/api/v1/ideas", token, idea).json("ideaId").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/ideas/" + ideaId).status() == 200);
        assertThat(api.get("/api/v1/ideas/" + ideaId).json("language").asString()).isEqualTo("sr-Cyrl");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/municipalities/trebinje/dashboard").body().at("/ideas/byTopic").has("bike-lanes"));
        assertThat(api.get("/api/v1/municipalities/ravno/dashboard").body().at("/ideas/byTopic").has("bike-lanes"))
                .isFalse();
    }

    @Test
    void withoutATokenAWriteIsUnauthorised() {
        Reply reply = api.post("/api/v1/ideas", null, idea("mostar"));

        assertProblem(reply, 401, "unauthenticated");
    }

    @Test
    void aForgedOrGarbledTokenIsUnauthorised() {
        String token = api.token("citizen-amra", "CITIZEN");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

        assertProblem(api.post("/api/v1/ideas", tampered, idea("mostar")), 401, "unauthenticated");
        assertProblem(api.post("/api/v1/ideas", "not-a-jwt", idea("mostar")), 401, "unauthenticated");
    }

    @Test
    void aTokenWithoutTheCitizenRoleIsForbiddenToSubmit() {
        String auditor = api.token("auditor-1", "AUDITOR");

        assertProblem(api.post("/api/v1/ideas", auditor, idea("mostar")), 403, "forbidden");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String token = api.token("citizen-amra", "CITIZEN");
        Map<String, Object> idea = idea("mostar");
        idea.put("title", "Kratk");
        idea.put("title", "abc");
        idea.put("description", "x".repeat(5_001));
        idea.put("language", "de");
        idea.put("topic", "Javna rasvjeta");

        Reply reply = api.post("/api/v1/ideas", token, idea);

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("title", "description", "language", "topic");
    }

    @Test
    void anIdeaForAnUnknownMunicipalityIsRefusedNamingTheField() {
        String token = api.token("citizen-amra", "CITIZEN");

        Reply reply = api.post("/api/v1/ideas", token, idea("atlantis"));

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").get(0).get("field").asString()).isEqualTo("municipalityId");
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsABadRequestNotAServerError() {
        String token = api.token("citizen-amra", "CITIZEN");

        assertProblem(api.postRaw("/api/v1/ideas", token, "application/json", "{\"title\": "), 400, "malformed-request");
        assertProblem(api.postRaw("/api/v1/ideas", token, "application/json", "null"), 400, "malformed-request");
        assertProblem(api.postRaw("/api/v1/ideas", token, "application/json", "[]"), 400, "malformed-request");
        Reply wrongType = api.postRaw("/api/v1/ideas", token, "application/json", "{\"title\": {\"a\": 1}}");
        assertProblem(wrongType, 400, "malformed-request");
        assertThat(wrongType.json("errors").get(0).get("field").asString()).isEqualTo("title");
        assertProblem(api.postRaw("/api/v1/ideas", token, "text/plain", "hello"), 415, "unsupported-media-type");
    }

    @Test
    void readsOfUnknownThingsAreNotFoundAndMalformedIdsAreNamed() {
        assertProblem(api.get("/api/v1/ideas/00000000-0000-0000-0000-000000000000"), 404, "not-found");
        assertProblem(api.get("/api/v1/municipalities/atlantis/dashboard"), 404, "not-found");
        Reply badId = api.get("/api/v1/ideas/42");
        assertProblem(badId, 400, "validation-failed");
        assertThat(badId.json("errors").get(0).get("field").asString()).isEqualTo("ideaId");
        assertProblem(api.get("/api/v1/municipalities/Not%20A%20Slug"), 400, "validation-failed");
    }

    @Test
    void theDevTokenIssuerValidatesItsInput() {
        Reply reply = api.post("/api/v1/dev/tokens", null, Map.of("subject", "", "roles", List.of("KING")));

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("subject", "roles");
        assertProblem(api.post("/api/v1/dev/tokens", null, Map.of("subject", "o", "roles", List.of("CSO_MEMBER"))),
                400, "validation-failed");
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json("type").asString()).isEqualTo("urn:civic-ledger:problem:" + type);
        assertThat(reply.json("status").asInt()).isEqualTo(status);
        assertThat(reply.json("detail").asString()).isNotBlank();
    }
}
