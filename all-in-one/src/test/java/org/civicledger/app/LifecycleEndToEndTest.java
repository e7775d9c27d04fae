package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.civicledger.app.Api.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole life of a citizen idea over HTTP: support, CSO validation, action, municipal answer, progress, moderation. */
class LifecycleEndToEndTest extends SharedSystemTest {

    private static String token(String subject, String role, Map<String, String> claims) {
        return api.token(subject, List.of(role), claims);
    }

    private static JsonNode ideaWhen(String ideaId, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Reply reply = api.get("/api/v1/ideas/" + ideaId);
            return reply.status() == 200 && condition.test(reply.body());
        });
        return api.get("/api/v1/ideas/" + ideaId).body();
    }

    private static String submitIdea(String citizen, String municipality) {
        return api.post("/api/v1/ideas", citizen, IdeaLoopEndToEndTest.idea(municipality)).json("ideaId").asString();
    }

    private static String approvedCso(String coordinator, String name, String number, List<String> municipalities) {
        Reply registered = api.post("/api/v1/csos", token("founder-" + number, "CITIZEN", Map.of()), Map.of(
                "name", name, "registrationNumber", number, "municipalityIds", municipalities,
                "focusAreas", List.of("youth", "environment"), "contactEmail", "info@" + number + ".ba",
                "acceptsProtocol", true));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String csoId = registered.json("csoId").asString();
        assertThat(api.post("/api/v1/csos/" + csoId + "/approval", coordinator, Map.of()).status()).isEqualTo(204);
        return csoId;
    }

    @Test
    void anIdeaLivesFromSubmissionToCompletion() {
        String author = token("citizen-lejla", "CITIZEN", Map.of());
        String coordinator = token("coordinator", "NETWORK_COORDINATOR", Map.of());
        String ideaId = submitIdea(author, "jablanica");

        // support: one vote per person, withdrawable
        String neighbour = token("citizen-mirza", "CITIZEN", Map.of());
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/votes", author, Map.of()).status()).isEqualTo(201);
        Reply again = api.post("/api/v1/ideas/" + ideaId + "/votes", author, Map.of());
        assertProblem(again, 409, "conflict");
        assertThat(again.json("currentState").asString()).isEqualTo("VOTED");
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/votes", neighbour, Map.of()).status()).isEqualTo(201);
        assertThat(api.delete("/api/v1/ideas/" + ideaId + "/votes", neighbour).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> Journeys.countedVotes(system, ideaId) == 1);
        assertThat(Journeys.withheld(api.get("/api/v1/ideas/" + ideaId).body(), "/votes/identified")).isEqualTo("SMALL");

        // the CSO network validates: changes requested, the author amends, two endorsements validate
        String csoA = approvedCso(coordinator, "Udruženje Neretva", "4200000000001", List.of("jablanica"));
        String csoB = approvedCso(coordinator, "Zeleni Jablanica", "4200000000002", List.of("jablanica", "mostar"));
        String memberA = token("member-a", "CSO_MEMBER", Map.of("csoId", csoA));
        String memberB = token("member-b", "CSO_MEMBER", Map.of("csoId", csoB));
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/validations", memberA,
                Map.of("decision", "REQUEST_CHANGES", "reason", "Navedite tačnu lokaciju")).status()).isEqualTo(201);
        ideaWhen(ideaId, idea -> idea.get("status").asString().equals("CHANGES_REQUESTED"));
        Map<String, Object> amended = IdeaLoopEndToEndTest.idea("jablanica");
        amended.put("title", "Rasvjeta na šetalištu, dionica kod mosta");
        assertProblem(api.post("/api/v1/ideas/" + ideaId + "/amendments", neighbour, amended), 403, "forbidden");
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/amendments", author, amended).status()).isEqualTo(201);
        api.post("/api/v1/ideas/" + ideaId + "/validations", memberA, Map.of("decision", "ENDORSE", "reason", "Jasno"));
        api.post("/api/v1/ideas/" + ideaId + "/validations", memberB, Map.of("decision", "ENDORSE", "reason", "Podržavamo"));
        JsonNode validated = ideaWhen(ideaId, idea -> idea.get("status").asString().equals("VALIDATED"));
        assertThat(validated.get("version").asInt()).isEqualTo(2);
        assertThat(validated.get("title").asString()).isEqualTo("Rasvjeta na šetalištu, dionica kod mosta");
        assertThat(validated.get("validations").size()).isEqualTo(3);

        // a CSO turns it into an action; only the municipality's own officer answers
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/actions", memberA,
                Map.of("kind", "COUNCIL_INITIATIVE", "description", "Inicijativa općinskom vijeću")).status()).isEqualTo(201);
        String otherOfficer = token("officer-mostar", "MUNICIPAL_OFFICER", Map.of("municipalityId", "mostar"));
        String officer = token("officer-jablanica", "MUNICIPAL_OFFICER", Map.of("municipalityId", "jablanica"));
        Map<String, String> acceptance = Map.of("decision", "ACCEPTED", "rationale", "Sredstva su u budžetu za 2027.",
                "department", "Služba za komunalne poslove");
        assertProblem(api.post("/api/v1/ideas/" + ideaId + "/responses", otherOfficer, acceptance), 403, "forbidden");
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/responses", officer, acceptance).status()).isEqualTo(201);

        // progress until done; a fall needs a note
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/progress", officer, Map.of("percent", 60)).status()).isEqualTo(201);
        Reply fall = api.post("/api/v1/ideas/" + ideaId + "/progress", officer, Map.of("percent", 40));
        assertProblem(fall, 400, "validation-failed");
        assertThat(fall.json("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/progress", officer,
                Map.of("percent", 100, "note", "Lampe postavljene")).status()).isEqualTo(201);
        JsonNode done = ideaWhen(ideaId, idea -> idea.get("status").asString().equals("COMPLETED"));
        assertThat(done.at("/response/department").asString()).isEqualTo("Služba za komunalne poslove");
        assertThat(done.at("/progress/percent").asInt()).isEqualTo(100);

        // an answered idea is closed for support, and illegal steps name the state
        Reply lateVote = api.post("/api/v1/ideas/" + ideaId + "/votes", neighbour, Map.of());
        assertProblem(lateVote, 409, "conflict");
        assertThat(lateVote.json("currentState").asString()).isEqualTo("COMPLETED");
        Reply lateAnswer = api.post("/api/v1/ideas/" + ideaId + "/responses", officer, acceptance);
        assertProblem(lateAnswer, 409, "conflict");
        assertThat(lateAnswer.json("currentState").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void onlyApprovedCsosActiveInTheMunicipalityValidate() {
        String coordinator = token("coordinator", "NETWORK_COORDINATOR", Map.of());
        String ideaId = submitIdea(token("citizen-ana", "CITIZEN", Map.of()), "ravno");
        Reply pending = api.post("/api/v1/csos", token("founder", "CITIZEN", Map.of()), Map.of(
                "name", "Ravno Zajedno", "registrationNumber", "RZ-2024-1", "municipalityIds", List.of("ravno"),
                "focusAreas", List.of("culture"), "contactEmail", "ravno@zajedno.ba", "acceptsProtocol", true));
        String pendingCso = pending.json("csoId").asString();
        String elsewhere = approvedCso(coordinator, "Trebinje Forum", "TF-77", List.of("trebinje"));

        assertProblem(api.post("/api/v1/ideas/" + ideaId + "/validations",
                token("m1", "CSO_MEMBER", Map.of("csoId", pendingCso)), Map.of("decision", "ENDORSE", "reason", "Dobro")),
                403, "forbidden");
        assertProblem(api.post("/api/v1/ideas/" + ideaId + "/validations",
                token("m2", "CSO_MEMBER", Map.of("csoId", elsewhere)), Map.of("decision", "ENDORSE", "reason", "Dobro")),
                403, "forbidden");
        assertThat(api.post("/api/v1/csos/" + elsewhere + "/suspension", coordinator, Map.of("reason", "Neaktivni")).status())
                .isEqualTo(204);
        Reply approveAgain = api.post("/api/v1/csos/" + elsewhere + "/approval", coordinator, Map.of());
        assertProblem(approveAgain, 409, "conflict");
        assertThat(approveAgain.json("currentState").asString()).isEqualTo("SUSPENDED");
    }

    @Test
    void aRegistrationNumberJoinsTheNetworkOnceHoweverItIsWritten() {
        String founder = token("founder-x", "CITIZEN", Map.of());
        Map<String, Object> cso = Map.of("name", "Udruženje Sunce", "registrationNumber", "065-0-Reg-12-000123",
                "municipalityIds", List.of("maglaj"), "focusAreas", List.of("youth"),
                "contactEmail", "sunce@udruzenje.ba", "acceptsProtocol", true);
        assertThat(api.post("/api/v1/csos", founder, cso).status()).isEqualTo(201);

        Map<String, Object> sameNumber = new java.util.HashMap<>(cso);
        sameNumber.put("registrationNumber", "0650 REG 12.000123");
        Reply duplicate = api.post("/api/v1/csos", founder, sameNumber);

        assertProblem(duplicate, 409, "conflict");
    }

    @Test
    void aCsoMustAcceptTheProtocolAndNameRealMunicipalities() {
        Reply reply = api.post("/api/v1/csos", token("founder-y", "AUDITOR", Map.of()), Map.of(
                "name", "X", "registrationNumber", "1", "municipalityIds", List.of(), "focusAreas", List.of("a"),
                "contactEmail", "not-an-email", "acceptsProtocol", false));

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("name", "registrationNumber", "municipalityIds", "focusAreas",
                        "contactEmail", "acceptsProtocol");
        Reply unknown = api.post("/api/v1/csos", token("founder-y", "AUDITOR", Map.of()), Map.of(
                "name", "Udruženje Atlantida", "registrationNumber", "AT-1", "municipalityIds", List.of("atlantis"),
                "focusAreas", List.of("sea"), "contactEmail", "a@atlantis.ba", "acceptsProtocol", true));
        assertProblem(unknown, 400, "validation-failed");
    }

    @Test
    void moderationHidesTheTextKeepsTheHistoryAndAnAppealRestoresIt() {
        String coordinator = token("coordinator", "NETWORK_COORDINATOR", Map.of());
        String citizen = token("citizen-sead", "CITIZEN", Map.of());
        String ideaId = submitIdea(citizen, "maglaj");

        assertThat(api.post("/api/v1/ideas/" + ideaId + "/moderation", coordinator,
                Map.of("decision", "HIDE", "reason", "Uvredljiv jezik")).status()).isEqualTo(204);
        JsonNode hidden = ideaWhen(ideaId, idea -> idea.at("/moderation/hidden").asBoolean());
        assertThat(hidden.get("title").isNull()).isTrue();
        assertThat(hidden.at("/moderation/reason").asString()).isEqualTo("Uvredljiv jezik");
        Reply vote = api.post("/api/v1/ideas/" + ideaId + "/votes", citizen, Map.of());
        assertProblem(vote, 409, "conflict");
        assertThat(vote.json("currentState").asString()).isEqualTo("HIDDEN");

        assertThat(api.post("/api/v1/ideas/" + ideaId + "/moderation", token("admin", "ADMIN", Map.of()),
                Map.of("decision", "RESTORE", "reason", "Žalba usvojena")).status()).isEqualTo(204);
        JsonNode restored = ideaWhen(ideaId, idea -> !idea.at("/moderation/hidden").asBoolean());
        assertThat(restored.get("title").asString()).isEqualTo("Rasvjeta na šetalištu uz Neretvu");
    }

    @Test
    void votingForAnIdeaThatDoesNotExistIsNotFound() {
        assertProblem(api.post("/api/v1/ideas/" + UUID.randomUUID() + "/votes",
                token("citizen-z", "CITIZEN", Map.of()), Map.of()), 404, "not-found");
    }
}
