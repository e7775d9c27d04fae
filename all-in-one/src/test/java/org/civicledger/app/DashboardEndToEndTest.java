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
 * The municipal and network dashboards over HTTP, on fresh stores: ideas, support, validations, actions,
 * responsiveness, accountability and participation, every count of people's acts through disclosure
 * control: shown as its band of five ({@code 10} for 10 to 14), and 0 to 4 withheld.
 */
class DashboardEndToEndTest extends SharedSystemTest {

    private static final String TOWN = "berkovici";
    private static final String SMALL_TOWN = "ravno";
    private static String waitingIdea;
    private static String acceptedIdea;

    @BeforeAll
    static void aMonthOfParticipation() {
        List<String> citizens = new java.util.ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            citizens.add("c" + i);
        }
        for (int i = 0; i < citizens.size(); i++) {
            String token = api.token(citizens.get(i), "CITIZEN");
            if (i < 8) {
                api.put("/api/v1/people/me/personal-data", token, Map.of("gender", "FEMALE", "ageBand", "25_34"));
            } else if (i == 13) {
                api.put("/api/v1/people/me/personal-data", token, Map.of("gender", "MALE"));
            }
        }
        acceptedIdea = Journeys.submittedIdea(api, api.token("c1", "CITIZEN"), TOWN);
        waitingIdea = Journeys.submittedIdea(api, api.token("c2", "CITIZEN"), TOWN);
        for (String author : List.of("c3", "c4", "c5", "c6")) {
            Journeys.submittedIdea(api, api.token(author, "CITIZEN"), TOWN);
        }
        for (String citizen : citizens) {
            api.post("/api/v1/ideas/" + acceptedIdea + "/votes", api.token(citizen, "CITIZEN"), Map.of());
        }
        for (String author : List.of("r1", "r2", "r3", "r4")) {
            Journeys.submittedIdea(api, api.token(author, "CITIZEN"), SMALL_TOWN);
        }
        List<String> members = Journeys.csoMembers(api, TOWN);
        Journeys.forward(api, acceptedIdea, members, "COUNCIL_INITIATIVE");
        Journeys.forward(api, waitingIdea, members, "PETITION");
        Journeys.answer(api, acceptedIdea, TOWN, "ACCEPTED");
        Journeys.progress(api, acceptedIdea, TOWN, 50);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                dashboard("").at("/accountability/ideas").size() == 1
                        && dashboard("").at("/participation/acts").asLong() == 20
                        && api.get("/api/v1/dashboard").body().at("/ideas/total").asLong() == 10);
    }

    private static JsonNode dashboard(String query) {
        return api.get("/api/v1/municipalities/" + TOWN + "/dashboard" + query).body();
    }

    @Test
    void ideasAndSupportAreCountedRoundedAndSmallCountsWithheld() {
        JsonNode board = dashboard("");

        assertThat(board.at("/ideas/total").asLong()).as("6 ideas").isEqualTo(5);
        assertThat(board.at("/ideas/byLocalCommunity/Donja Mahala").asLong()).isEqualTo(5);
        // 1 accepted, 1 forwarded, 4 submitted, none rejected: each withheld, the total of 6 shown as 5 to 9
        assertThat(board.at("/ideas/byStatus/ACCEPTED").isNull()).isTrue();
        assertThat(board.at("/ideas/byStatus/SUBMITTED").isNull()).isTrue();
        assertThat(board.at("/ideas/byStatus/REJECTED").isNull()).isTrue();
        assertThat(Journeys.withheld(board, "/ideas/byStatus/ACCEPTED")).isEqualTo("FEWER_THAN_FIVE");
        assertThat(board.at("/support/identifiedVotes").asLong()).as("14 votes").isEqualTo(10);
        assertThat(board.at("/support/anonymousBenchOpinions").isNull()).isTrue();
        assertThat(board.at("/disclosure/withheldBelow").asInt()).isEqualTo(5);
        assertThat(board.at("/disclosure/bandOf").asInt()).isEqualTo(5);
    }

    @Test
    void actsOfInstitutionsAreBandedLikeEveryCount() {
        JsonNode board = dashboard("");

        assertThat(board.at("/validationsByDecision/ENDORSE").isNull()).as("4 endorsements").isTrue();
        assertThat(Journeys.withheld(board, "/validationsByDecision/ENDORSE")).isEqualTo("FEWER_THAN_FIVE");
        assertThat(board.at("/actionsByKind/COUNCIL_INITIATIVE").isNull()).isTrue();
        assertThat(board.at("/actionsByKind").has("PETITION")).isTrue();
    }

    @Test
    void responsivenessAndAccountabilityFollowTheAnswers() {
        JsonNode board = dashboard("");

        // 2 forwarded, 1 answered: fewer than five each, and so are the shares' wholes
        assertThat(board.at("/responsiveness/forwarded").isNull()).isTrue();
        assertThat(board.at("/responsiveness/answered").isNull()).isTrue();
        assertThat(board.at("/responsiveness/medianDaysToAnswer").asDouble()).isBetween(0.0, 0.01);
        assertThat(board.at("/responsiveness/answeredWithin30DaysShare").isNull()).isTrue();
        assertThat(board.at("/responsiveness/waitingLongest/0/ideaId").asString()).isEqualTo(waitingIdea);
        assertThat(board.at("/responsiveness/waitingLongest/0/title").asString()).isNotBlank();
        assertThat(board.at("/accountability/accepted").isNull()).isTrue();
        assertThat(board.at("/accountability/completedShare").isNull()).isTrue();
        assertThat(board.at("/accountability/ideas/0/ideaId").asString()).isEqualTo(acceptedIdea);
        assertThat(board.at("/accountability/ideas/0/progress").asInt()).isEqualTo(50);
    }

    @Test
    void participationCountsActsInBandsAndWithholdsFewerThanFive() {
        JsonNode participation = dashboard("").get("participation");

        assertThat(participation.get("acts").asLong()).as("6 ideas and 14 votes").isEqualTo(20);
        assertThat(participation.at("/byKind/IDEA").asLong()).isEqualTo(5);
        assertThat(participation.at("/byKind/VOTE").asLong()).isEqualTo(10);
        assertThat(participation.at("/byChannel/WEB").asLong()).isEqualTo(20);
        assertThat(participation.at("/byChannel/BENCH").isNull()).isTrue();
        // 14 acts of women, 1 of a man, 5 of people who stated nothing, none of others
        assertThat(participation.at("/byGender/FEMALE").asLong()).isEqualTo(10);
        assertThat(participation.at("/byGender/NOT_STATED").asLong()).isEqualTo(5);
        assertThat(participation.at("/byGender/MALE").isNull()).isTrue();
        assertThat(participation.at("/byGender/OTHER").isNull()).as("a zero is withheld like a small count").isTrue();
        JsonNode board = dashboard("");
        assertThat(Journeys.withheld(board, "/participation/byGender/MALE")).isEqualTo("FEWER_THAN_FIVE");
        assertThat(participation.toString()).doesNotContain("c1").doesNotContain("pseudonym");
    }

    @Test
    void aSmallMunicipalityTellsNothingOfItsFewParticipantsNotEvenByAZero() {
        JsonNode board = api.get("/api/v1/municipalities/" + SMALL_TOWN + "/dashboard").body();

        assertThat(board.at("/ideas/total").isNull()).isTrue();
        assertThat(board.at("/participation/acts").isNull()).isTrue();
        assertThat(board.at("/participation/byChannel/WEB").isNull()).isTrue();
        assertThat(board.at("/participation/byChannel/BENCH").isNull()).as("a zero beside 4 would tell").isTrue();
        assertThat(Journeys.withheld(board, "/participation/byChannel/BENCH")).isEqualTo("FEWER_THAN_FIVE");
        assertThat(board.toString()).doesNotContain(":1,").doesNotContain(":2,").doesNotContain(":3,").doesNotContain(":4,");
    }

    @Test
    void aPeriodWithoutActivityCountsNothing() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        JsonNode board = dashboard("?from=" + tomorrow);

        assertThat(board.at("/ideas/total").isNull()).isTrue();
        assertThat(board.at("/participation/acts").isNull()).isTrue();
        assertThat(board.at("/responsiveness/forwarded").isNull()).as("none: withheld like any count").isTrue();
        assertThat(board.at("/period/from").asString()).startsWith(tomorrow);
        assertThat(dashboard("?to=" + tomorrow).at("/ideas/total").asLong()).isEqualTo(5);
    }

    @Test
    void theNetworkDashboardCountsEveryMunicipality() {
        JsonNode network = api.get("/api/v1/dashboard").body();

        assertThat(network.get("municipalityId").isNull()).isTrue();
        assertThat(network.at("/ideas/total").asLong()).as("6 and 4 ideas").isEqualTo(10);
    }

    @Test
    void aBadPeriodIsNamed() {
        var reply = api.get("/api/v1/municipalities/" + TOWN + "/dashboard?from=yesterday");
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").get(0).get("field").asString()).isEqualTo("from");
        assertProblem(api.get("/api/v1/dashboard?from=2026-02-01&to=2026-01-01"), 400, "validation-failed");
    }
}
