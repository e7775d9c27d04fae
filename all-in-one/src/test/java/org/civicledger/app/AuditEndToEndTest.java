package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.domain.consultation.BenchOpinionId;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.consultation.GiveBenchOpinion;
import org.civicledger.domain.municipality.MunicipalityId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail of an idea: every event with who, in which role, and why — its votes and the bench opinions
 * about it included; its state at any instant, vote count and opinions too; what changed.
 */
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
        assertProblem(api.get("/api/v1/audit/ideas/" + UUID.randomUUID(), auditor), 404, "not-found");
    }

    @Test
    void betweenItsFirstAndSecondVoteAnIdeaHadOneAndTheTrailListsEveryVote() throws InterruptedException {
        String idea = Journeys.submittedIdea(api, api.token("citizen-selma", "CITIZEN"), "zepce");
        String amra = api.token("citizen-amra", "CITIZEN");
        String bojan = api.token("citizen-bojan", "CITIZEN");
        Instant beforeVotes = pause();
        assertThat(api.post("/api/v1/ideas/" + idea + "/votes", amra, Map.of()).status()).isEqualTo(201);
        Instant betweenVotes = pause();
        assertThat(api.post("/api/v1/ideas/" + idea + "/votes", bojan, Map.of()).status()).isEqualTo(201);
        Instant afterVotes = pause();
        assertThat(api.delete("/api/v1/ideas/" + idea + "/votes", amra).status()).isEqualTo(204);
        Instant afterWithdrawal = pause();

        assertThat(votesAsOf(idea, beforeVotes)).isZero();
        assertThat(votesAsOf(idea, betweenVotes)).isEqualTo(1);
        assertThat(votesAsOf(idea, afterVotes)).isEqualTo(2);
        assertThat(votesAsOf(idea, afterWithdrawal)).isEqualTo(1);
        assertThat(api.get("/api/v1/audit/ideas/" + idea + "?asOf=" + betweenVotes, auditor).body()
                .get("eventsApplied").asInt()).isEqualTo(2);

        JsonNode events = api.get("/api/v1/audit/ideas/" + idea, auditor).body().get("events");
        assertThat(events.valueStream().map(e -> e.get("type").asString()).toList())
                .containsExactly("IdeaSubmitted", "VoteCast", "VoteCast", "VoteWithdrawn");
        assertThat(events.get(1).get("stream").asString()).startsWith("ballot-" + idea + "-");
        assertThat(events.get(1).get("actorPseudonym").asString()).isNotBlank().doesNotContain("amra")
                .isEqualTo(events.get(3).get("actorPseudonym").asString())
                .isNotEqualTo(events.get(2).get("actorPseudonym").asString());
        assertThat(events.get(3).get("sequence").asLong()).as("the second event of amra's ballot").isEqualTo(1);

        JsonNode diff = audit(idea, "/diff?from=" + betweenVotes + "&to=" + afterWithdrawal);
        assertThat(diff.get("events").valueStream().map(e -> e.get("type").asString()).toList())
                .containsExactly("VoteCast", "VoteWithdrawn");
    }

    @Test
    void votesAreInTheTransparencyLogLikeEveryOtherEntry() {
        String idea = Journeys.submittedIdea(api, api.token("citizen-tarik", "CITIZEN"), "zepce");
        assertThat(api.post("/api/v1/ideas/" + idea + "/votes", api.token("citizen-vesna", "CITIZEN"), Map.of())
                .status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                !audit(idea, "").at("/events/1/transparency").isNull());
        JsonNode vote = audit(idea, "").at("/events/1");
        assertThat(vote.get("type").asString()).isEqualTo("VoteCast");
        assertThat(vote.at("/transparency/entry").asString())
                .isEqualTo("/api/v1/transparency/entries/" + vote.at("/transparency/logIndex").asLong());
    }

    @Test
    void benchOpinionsInAConsultationAboutTheIdeaAreInItsTrailAndItsStateAsOf() throws InterruptedException {
        String idea = Journeys.submittedIdea(api, api.token("citizen-zlata", "CITIZEN"), "zepce");
        String officer = api.token("officer-zepce", List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", "zepce"));
        String consultation = api.post("/api/v1/consultations", officer, Map.of(
                "question", Map.of("bs", "Podržavate li rasvjetu šetališta?"),
                "options", List.of(Map.of("optionId", "da", "label", Map.of("bs", "Da")),
                        Map.of("optionId", "ne", "label", Map.of("bs", "Ne"))),
                "closesAt", Instant.now().plus(Duration.ofDays(3)).toString(),
                "ideaId", idea)).json("consultationId").asString();
        CommandGateway commands = system.bean(CommandGateway.class);
        Instant beforeOpinions = pause();
        for (String option : List.of("da", "da", "ne")) {
            commands.sendAndWait(new GiveBenchOpinion(
                    new BenchOpinionId(UUID.randomUUID()),
                    ConsultationId.parse(consultation), option, "bench-zepce-audit",
                    new MunicipalityId("zepce"), Instant.now()));
        }
        Instant afterOpinions = pause();

        assertThat(audit(idea, "?asOf=" + beforeOpinions).at("/state/votes/anonymousOpinions").asLong()).isZero();
        JsonNode after = audit(idea, "?asOf=" + afterOpinions).get("state");
        assertThat(after.at("/votes/anonymousOpinions").asLong()).isEqualTo(3);
        assertThat(after.at("/votes/identified").asLong()).isZero();
        assertThat(after.at("/benchOpinions/" + consultation + "/da").asLong()).isEqualTo(2);
        assertThat(audit(idea, "").get("events").valueStream().filter(e -> "BenchOpinionGiven".equals(e.get("type").asString()))
                .count()).isEqualTo(3);
    }

    private static long votesAsOf(String idea, Instant asOf) {
        return audit(idea, "?asOf=" + asOf).at("/state/votes/identified").asLong();
    }

    private static JsonNode audit(String idea, String query) {
        return api.get("/api/v1/audit/ideas/" + idea + query, auditor).body();
    }
}
