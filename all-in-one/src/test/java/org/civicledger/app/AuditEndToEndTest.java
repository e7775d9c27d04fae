package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit trail of an idea: every event with who, in which role, and why; its state at any instant; what changed. */
class AuditEndToEndTest extends SharedSystemTest {

    private static String ideaId;
    private static String auditor;
    private static Instant beforeSubmission;
    private static Instant afterSubmission;
    private static Instant afterAmendment;
    private static Instant afterAnswer;

    @BeforeAll
    static void anIdeaWithAHistory() throws InterruptedException {
        auditor = api.token("auditor-eu", "AUDITOR");
        String author = api.token("citizen-jasmina", "CITIZEN");
        beforeSubmission = pause();
        ideaId = Journeys.submittedIdea(api, author, "zepce");
        afterSubmission = pause();
        List<String> members = Journeys.csoMembers(api, "zepce");
        api.post("/api/v1/ideas/" + ideaId + "/validations", members.get(0),
                Map.of("decision", "REQUEST_CHANGES", "reason", "Navedite procjenu troškova"));
        Map<String, Object> amended = IdeaLoopEndToEndTest.idea("zepce");
        amended.put("title", "Rasvjeta šetališta, s procjenom troškova");
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/amendments", author, amended).status()).isEqualTo(201);
        afterAmendment = pause();
        Journeys.forward(api, ideaId, members, "COUNCIL_INITIATIVE");
        Journeys.answer(api, ideaId, "zepce", "ACCEPTED");
        afterAnswer = pause();
    }

    /** A distinct instant between steps, so that "as of" can fall between them. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }

    private static JsonNode audit(String query) {
        return api.get("/api/v1/audit/ideas/" + ideaId + query, auditor).body();
    }

    @Test
    void everyEventIsListedInOrderWithActorRoleAndRationale() {
        JsonNode events = audit("").get("events");

        assertThat(events.valueStream().map(e -> e.get("type").asString()).toList()).containsExactly(
                "IdeaSubmitted", "CsoValidationRecorded", "IdeaAmended", "CsoValidationRecorded",
                "CsoValidationRecorded", "IdeaValidated", "ActionForwarded", "IdeaAnswered");
        assertThat(events.valueStream().map(e -> e.get("sequence").asLong()).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events.get(0).get("actorRoles").valueStream().map(JsonNode::asString).toList()).containsExactly("CITIZEN");
        assertThat(events.get(0).get("actorPseudonym").asString()).isNotBlank().doesNotContain("jasmina");
        assertThat(events.get(1).get("actorRoles").get(0).asString()).isEqualTo("CSO_MEMBER");
        assertThat(events.get(1).get("rationale").asString()).isEqualTo("Navedite procjenu troškova");
        assertThat(events.get(7).get("actorRoles").get(0).asString()).isEqualTo("MUNICIPAL_OFFICER");
        assertThat(events.get(7).get("rationale").asString()).isEqualTo("Odluka općinskog vijeća");
        assertThat(events.get(7).at("/event/department").asString()).isEqualTo("Služba za urbanizam");
        assertThat(events.get(0).get("revision").asInt()).as("texts sealed since revision 2").isEqualTo(2);
        assertThat(events.get(0).at("/event/title/text").asString()).as("opened for the auditor").isNotBlank();
    }

    @Test
    void theStateAsOfAnInstantIsReplayedFromTheEvents() {
        JsonNode justSubmitted = audit("?asOf=" + afterSubmission);
        assertThat(justSubmitted.get("eventsApplied").asInt()).isEqualTo(1);
        assertThat(justSubmitted.at("/state/status").asString()).isEqualTo("SUBMITTED");
        assertThat(justSubmitted.at("/state/title").asString()).isEqualTo("Rasvjeta na šetalištu uz Neretvu");

        JsonNode amended = audit("?asOf=" + afterAmendment);
        assertThat(amended.at("/state/version").asInt()).isEqualTo(2);
        assertThat(amended.at("/state/title").asString()).isEqualTo("Rasvjeta šetališta, s procjenom troškova");
        assertThat(amended.at("/state/status").asString()).isEqualTo("SUBMITTED");

        JsonNode answered = audit("?asOf=" + afterAnswer);
        assertThat(answered.at("/state/status").asString()).isEqualTo("ACCEPTED");
        assertThat(answered.at("/state/answer/department").asString()).isEqualTo("Služba za urbanizam");
    }

    @Test
    void theDiffShowsWhatChangedBetweenTwoInstants() {
        JsonNode diff = audit("/diff?from=" + afterSubmission + "&to=" + afterAnswer);

        Map<String, JsonNode> changes = new java.util.HashMap<>();
        diff.get("changes").forEach(c -> changes.put(c.get("field").asString(), c));
        assertThat(changes.get("status").get("before").asString()).isEqualTo("SUBMITTED");
        assertThat(changes.get("status").get("after").asString()).isEqualTo("ACCEPTED");
        assertThat(changes.get("version").get("after").asInt()).isEqualTo(2);
        assertThat(changes).containsKey("title").containsKey("answer").doesNotContainKey("municipalityId");
        assertThat(diff.get("events").size()).isEqualTo(7);
    }

    @Test
    void beforeItExistedThereIsNoIdea() {
        assertProblem(api.get("/api/v1/audit/ideas/" + ideaId + "?asOf=" + beforeSubmission, auditor), 404, "not-found");
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        assertProblem(api.get("/api/v1/audit/ideas/" + ideaId), 401, "unauthenticated");
        assertProblem(api.get("/api/v1/audit/ideas/" + ideaId, api.token("citizen-jasmina", "CITIZEN")), 403, "forbidden");
    }

    @Test
    void csoDecisionsAreAuditedWithTheCoordinatorsRole() {
        String csoId = Journeys.approvedCso(api, "Udruženje Revizija", "REV-1", List.of("zepce"));

        JsonNode events = api.get("/api/v1/audit/csos/" + csoId, auditor).body().get("events");

        assertThat(events.valueStream().map(e -> e.get("type").asString()).toList())
                .containsExactly("CsoRegistered", "CsoApproved");
        assertThat(events.get(1).get("actorRoles").get(0).asString()).isEqualTo("NETWORK_COORDINATOR");
    }

    @Test
    void unknownKindsAndIdsAreNamed() {
        assertProblem(api.get("/api/v1/audit/benches-of-the-moon/x", auditor), 400, "validation-failed");
        assertProblem(api.get("/api/v1/audit/ideas/not-a-uuid", auditor), 400, "validation-failed");
        assertProblem(api.get("/api/v1/audit/ideas/" + java.util.UUID.randomUUID(), auditor), 404, "not-found");
    }
}
