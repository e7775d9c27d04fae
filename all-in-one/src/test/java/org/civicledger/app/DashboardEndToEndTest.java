package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The municipal and network dashboards over HTTP, on fresh stores so that every figure is exact:
 * ideas, support, validations, actions, responsiveness, accountability and participation with
 * small counts withheld.
 */
class DashboardEndToEndTest extends SharedSystemTest {

    private static final String TOWN = "berkovici";
    private static String waitingIdea;
    private static String acceptedIdea;

    @BeforeAll
    static void aMonthOfParticipation() {
        List<String> citizens = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        for (int i = 0; i < citizens.size(); i++) {
            String token = api.token(citizens.get(i), "CITIZEN");
            if (i < 5) {
                api.put("/api/v1/people/me/personal-data", token, Map.of("gender", "FEMALE", "ageBand", "25_34"));
            }
        }
        String author = api.token("c1", "CITIZEN");
        acceptedIdea = Journeys.submittedIdea(api, author, TOWN);
        waitingIdea = Journeys.submittedIdea(api, api.token("c2", "CITIZEN"), TOWN);
        Journeys.submittedIdea(api, api.token("c3", "CITIZEN"), TOWN);
        for (String citizen : citizens) {
            api.post("/api/v1/ideas/" + acceptedIdea + "/votes", api.token(citizen, "CITIZEN"), Map.of());
        }
        List<String> members = Journeys.csoMembers(api, TOWN);
        Journeys.forward(api, acceptedIdea, members, "COUNCIL_INITIATIVE");
        Journeys.forward(api, waitingIdea, members, "PETITION");
        Journeys.answer(api, acceptedIdea, TOWN, "ACCEPTED");
        Journeys.progress(api, acceptedIdea, TOWN, 50);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                dashboard("").at("/accountability/accepted").asLong() == 1
                        && dashboard("").at("/participation/distinctParticipants").asLong() == 7);
    }

    private static JsonNode dashboard(String query) {
        return api.get("/api/v1/municipalities/" + TOWN + "/dashboard" + query).body();
    }

    @Test
    void ideasSupportValidationsAndActionsAreCounted() {
        JsonNode board = dashboard("");

        assertThat(board.at("/ideas/total").asLong()).isEqualTo(3);
        assertThat(board.at("/ideas/byStatus/ACCEPTED").asLong()).isEqualTo(1);
        assertThat(board.at("/ideas/byStatus/FORWARDED").asLong()).isEqualTo(1);
        assertThat(board.at("/ideas/byStatus/SUBMITTED").asLong()).isEqualTo(1);
        assertThat(board.at("/ideas/byLocalCommunity/Donja Mahala").asLong()).isEqualTo(3);
        assertThat(board.at("/support/identifiedVotes").asLong()).isEqualTo(7);
        assertThat(board.at("/support/anonymousBenchOpinions").asLong()).isZero();
        assertThat(board.at("/validationsByDecision/ENDORSE").asLong()).isEqualTo(4);
        assertThat(board.at("/validationsByDecision/REJECT").asLong()).isZero();
        assertThat(board.at("/actionsByKind/COUNCIL_INITIATIVE").asLong()).isEqualTo(1);
        assertThat(board.at("/actionsByKind/PETITION").asLong()).isEqualTo(1);
    }

    @Test
    void responsivenessAndAccountabilityFollowTheAnswers() {
        JsonNode board = dashboard("");

        assertThat(board.at("/responsiveness/forwarded").asLong()).isEqualTo(2);
        assertThat(board.at("/responsiveness/answered").asLong()).isEqualTo(1);
        assertThat(board.at("/responsiveness/medianDaysToAnswer").asDouble()).isBetween(0.0, 0.01);
        assertThat(board.at("/responsiveness/answeredWithin30DaysShare").asDouble()).isEqualTo(1.0);
        assertThat(board.at("/responsiveness/waitingLongest/0/ideaId").asString()).isEqualTo(waitingIdea);
        assertThat(board.at("/accountability/completed").asLong()).isZero();
        assertThat(board.at("/accountability/completedShare").asDouble()).isZero();
        assertThat(board.at("/accountability/ideas/0/ideaId").asString()).isEqualTo(acceptedIdea);
        assertThat(board.at("/accountability/ideas/0/progress").asInt()).isEqualTo(50);
    }

    @Test
    void participationIsCountedOncePerPersonAndSmallCountsAreWithheld() {
        JsonNode participation = dashboard("").get("participation");

        assertThat(participation.get("distinctParticipants").asLong()).isEqualTo(7);
        assertThat(participation.at("/byChannel/WEB").asLong()).isEqualTo(7);
        assertThat(participation.at("/byChannel/BENCH").asLong()).isZero();
        // 5 women said so and 2 people said nothing: the 2 is withheld, and so is the 5 it could be worked out from
        assertThat(participation.at("/byGender/NOT_STATED").isNull()).isTrue();
        assertThat(participation.at("/byGender/FEMALE").isNull()).isTrue();
        assertThat(participation.get("suppressedBelow").asInt()).isEqualTo(5);
        assertThat(participation.toString()).doesNotContain("c1").doesNotContain("pseudonym");
    }

    @Test
    void aPeriodWithoutActivityCountsNothing() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        JsonNode board = dashboard("?from=" + tomorrow);

        assertThat(board.at("/ideas/total").asLong()).isZero();
        assertThat(board.at("/participation/distinctParticipants").asLong()).isZero();
        assertThat(board.at("/period/from").asString()).startsWith(tomorrow);
        assertThat(dashboard("?to=" + tomorrow).at("/ideas/total").asLong()).isEqualTo(3);
    }

    @Test
    void theNetworkDashboardCountsEveryMunicipality() {
        Journeys.submittedIdea(api, api.token("c9", "CITIZEN"), "ravno");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/dashboard").body().at("/ideas/total").asLong() == 4);
        assertThat(api.get("/api/v1/dashboard").body().get("municipalityId").isNull()).isTrue();
    }

    @Test
    void aBadPeriodIsNamed() {
        var reply = api.get("/api/v1/municipalities/" + TOWN + "/dashboard?from=yesterday");
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").get(0).get("field").asString()).isEqualTo("from");
        assertProblem(api.get("/api/v1/dashboard?from=2026-02-01&to=2026-01-01"), 400, "validation-failed");
    }
}
