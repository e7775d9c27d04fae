package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Open data: public read models streamed as JSON Lines or CSV, with no personal data in them. */
class OpenDataEndToEndTest extends SharedSystemTest {

    private static final String MARKER = "Xyzzy-Marker-Person";
    private static String trickyIdea;

    @BeforeAll
    static void someIdeas() {
        String citizen = api.token(MARKER + "-subject", "CITIZEN");
        api.put("/api/v1/people/me/personal-data", citizen, Map.of("name", MARKER, "email", "xyzzy@example.ba"));
        Map<String, Object> tricky = IdeaLoopEndToEndTest.idea("nevesinje");
        tricky.put("title", "Klupe, \"pametne\" i obične");
        tricky.put("description", "Prvi red, s zarezom\nDrugi red \"s navodnicima\"");
        trickyIdea = api.post("/api/v1/ideas", citizen, tricky).json("ideaId").asString();
        api.post("/api/v1/ideas/" + trickyIdea + "/votes", citizen, Map.of());
        Journeys.submittedIdea(api, citizen, "nevesinje");
        await().atMost(Duration.ofSeconds(10)).until(() -> Journeys.countedVotes(system, trickyIdea) == 1);
    }

    private static HttpResponse<String> export(String path) {
        return api.raw(path);
    }

    @Test
    void ideasStreamAsJsonLines() throws Exception {
        HttpResponse<String> response = export("/api/v1/export/ideas");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
        assertThat(first.get("ideaId").asString()).isEqualTo(trickyIdea);
        assertThat(first.get("identifiedVotes").isNull()).as("one vote is withheld, as on the idea's page").isTrue();
    }

    @Test
    void ideasStreamAsCsvThatStandardReadersParse() throws Exception {
        HttpResponse<String> response = export("/api/v1/export/ideas?format=csv");

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        CsvMapper csv = CsvMapper.builder().build();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(response.body())) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).hasSize(2);
            assertThat(all.get(0).get("title")).isEqualTo("Klupe, \"pametne\" i obične");
            assertThat(all.get(0).get("description")).isEqualTo("Prvi red, s zarezom\nDrugi red \"s navodnicima\"");
            assertThat(all.get(0).get("municipalityId")).isEqualTo("nevesinje");
        }
    }

    @Test
    void dashboardsAndConsultationResultsAreExportedToo() throws Exception {
        List<String> dashboards = export("/api/v1/export/dashboards?format=csv").body().lines().toList();
        assertThat(dashboards).hasSize(13);
        assertThat(dashboards.get(0)).startsWith("municipalityId,name,ideas");
        assertThat(export("/api/v1/export/consultation-results").statusCode()).isEqualTo(200);
    }

    @Test
    void noExportHoldsPersonalData() throws Exception {
        for (String dataset : List.of("ideas", "dashboards", "consultation-results")) {
            for (String format : List.of("jsonl", "csv")) {
                String body = export("/api/v1/export/" + dataset + "?format=" + format).body();
                assertThat(body).doesNotContain(MARKER).doesNotContain("xyzzy@example.ba").doesNotContain("ciphertext");
            }
        }
    }

    @Test
    void unknownDatasetsAndFormatsAreNamed() {
        assertProblem(api.get("/api/v1/export/people"), 400, "validation-failed");
        assertProblem(api.get("/api/v1/export/ideas?format=xml"), 400, "validation-failed");
    }
}
