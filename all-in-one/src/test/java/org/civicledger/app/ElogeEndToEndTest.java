package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ELoGE view: the 12 principles of the 2008 catalogue with computed indicators, self-assessment and survey. */
class ElogeEndToEndTest extends SharedSystemTest {

    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();
    private static String officer;

    @BeforeAll
    static void aYearOfActivity() {
        officer = api.token("officer-jablanica", List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", "jablanica"));
        String citizen = api.token("citizen-e", "CITIZEN");
        List<String> members = Journeys.csoMembers(api, "jablanica");
        Journeys.submittedIdea(api, citizen, "jablanica"); // one of six left unanswered
        for (int i = 0; i < 5; i++) { // five answered, so that the shares have a whole of five to show
            String answered = Journeys.submittedIdea(api, citizen, "jablanica");
            Journeys.forward(api, answered, members, "COMMUNITY_PROJECT");
            Journeys.answer(api, answered, "jablanica", "ACCEPTED");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> indicator(view(""), "P2.1").get("value").isNumber()
                && indicator(view(""), "P4.1").at("/inputs/answered").asLong() == 5
                && indicator(view(""), "P2.2").get("value").isNumber());
    }

    private static JsonNode view(String query) {
        return api.get("/api/v1/eloge/jablanica?year=" + YEAR + query).body();
    }

    private static JsonNode principle(JsonNode view, int number) {
        return view.get("principles").get(number - 1);
    }

    private static JsonNode indicator(JsonNode view, String id) {
        for (JsonNode principle : view.get("principles")) {
            for (JsonNode indicator : principle.get("indicators")) {
                if (indicator.get("id").asString().equals(id)) {
                    return indicator;
                }
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    @Test
    void theTwelvePrinciplesOfThe2008CatalogueAreShownInBothLanguages() {
        JsonNode view = view("");

        assertThat(view.at("/catalogue/version").asString()).isEqualTo("2008");
        assertThat(view.get("principles").size()).isEqualTo(12);
        assertThat(principle(view, 2).at("/name/en").asString()).isEqualTo("Responsiveness");
        assertThat(principle(view, 12).at("/name/bs").asString()).isEqualTo("Polaganje računa");
        assertThat(principle(view, 10).get("indicators").size()).isZero();
        assertThat(principle(view, 10).get("note").asString()).contains("self-assessment");
    }

    @Test
    void indicatorsAreComputedFromEventsWithFormulaInputsAndChange() {
        JsonNode view = view("");

        JsonNode submitted = indicator(view, "P1.2");
        assertThat(submitted.get("value").asDouble()).as("6 ideas, in the band of 5 to 9").isEqualTo(5.0);
        assertThat(submitted.get("previousYear").isNull()).as("none last year: fewer than five").isTrue();
        assertThat(submitted.get("change").isNull()).isTrue();
        assertThat(submitted.get("formula").asString()).isNotBlank();
        JsonNode rationale = indicator(view, "P4.1");
        assertThat(rationale.get("value").asDouble()).isEqualTo(1.0);
        assertThat(rationale.at("/inputs/answered").asLong()).isEqualTo(5);
        assertThat(indicator(view, "P2.2").get("value").asDouble()).isEqualTo(1.0);
        assertThat(indicator(view, "P9.1").get("value").asDouble()).isEqualTo(1.0);
        assertThat(indicator(view, "P2.1").get("better").asString()).isEqualTo("lower");
        assertThat(indicator(view, "P3.1").get("value").asDouble()).as("none of 5 completed").isZero();
        assertThat(indicator(view, "P5.1").get("value").isNull()).isTrue();
        assertThat(indicator(view, "P7.1").get("value").isNull()).as("one department: fewer than five").isTrue();
        assertThat(view.toString()).as("no count from 1 to 4 among the inputs")
                .doesNotContainPattern("\"(answered|forwarded|accepted|completed|ideas|departments)\":[1-4][,}]");
    }

    @Test
    void theSelfAssessmentAndTheSurveyStandBesideTheIndicators() {
        Map<String, Object> self = new HashMap<>(Map.of("year", YEAR, "catalogue", "2008", "principles", List.of(
                Map.of("principle", 2, "score", 70, "evidence", "Izvještaj o odgovorima na inicijative"),
                Map.of("principle", 4, "score", 60, "evidence", "Objavljeni zapisnici vijeća"))));
        assertThat(api.post("/api/v1/eloge/jablanica/self-assessments", officer, self).status()).isEqualTo(201);
        Map<String, Object> survey = Map.of("year", YEAR, "catalogue", "2008", "respondents", 240,
                "principles", List.of(Map.of("principle", 4, "score", 55)));
        assertThat(api.post("/api/v1/eloge/jablanica/surveys", officer, survey).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> !view("").get("survey").isNull());
        JsonNode view = view("");
        assertThat(principle(view, 2).at("/selfAssessment/score").asInt()).isEqualTo(70);
        assertThat(principle(view, 2).at("/selfAssessment/evidence").asString()).contains("Izvještaj");
        assertThat(principle(view, 4).at("/survey/score").asInt()).isEqualTo(55);
        assertThat(view.at("/survey/respondents").asInt()).isEqualTo(240);
        assertThat(principle(view, 1).get("selfAssessment").isNull()).isTrue();
    }

    @Test
    void onlyTheMunicipalitysOfficerRecordsAndBadInputIsNamed() {
        String other = api.token("officer-ravno", List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", "ravno"));
        Map<String, Object> self = Map.of("year", YEAR, "principles",
                List.of(Map.of("principle", 2, "score", 70, "evidence", "Dokaz")));
        assertProblem(api.post("/api/v1/eloge/jablanica/self-assessments", other, self), 403, "forbidden");
        assertProblem(api.post("/api/v1/eloge/jablanica/self-assessments", officer,
                Map.of("year", 1999, "catalogue", "1999", "principles", List.of(Map.of("principle", 13, "score", 5)))),
                400, "validation-failed");
        assertProblem(api.get("/api/v1/eloge/jablanica?catalogue=1999"), 400, "validation-failed");
        assertProblem(api.get("/api/v1/eloge/atlantis"), 404, "not-found");
    }
}
