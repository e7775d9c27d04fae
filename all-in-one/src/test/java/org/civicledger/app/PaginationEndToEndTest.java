package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every list read answers a page: at most {@code limit} items (200 when not given, 1,000 at most), and
 * a {@code Link: rel="next"} header while more follow. Following the links visits every item once;
 * a limit or offset out of bounds is a 400 problem, never a longer answer.
 */
class PaginationEndToEndTest extends SharedSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final List<String> LISTS = List.of("/api/v1/municipalities", "/api/v1/csos", "/api/v1/consultations",
            "/api/v1/benches", "/api/v1/transparency/checkpoints");

    @Test
    void followingTheNextLinksVisitsEveryMunicipalityOnceInTheSameOrder() {
        JsonNode everything = api.get("/api/v1/municipalities").body();
        assertThat(everything.size()).isGreaterThan(5);

        List<String> visited = new ArrayList<>();
        String page = "/api/v1/municipalities?limit=5";
        int pages = 0;
        while (page != null) {
            HttpResponse<String> answer = api.raw(page);
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode items = JSON.readTree(answer.body());
            assertThat(items.size()).isBetween(1, 5);
            items.forEach(m -> visited.add(m.get("municipalityId").asString()));
            page = next(answer);
            pages++;
        }
        List<String> all = new ArrayList<>();
        everything.forEach(m -> all.add(m.get("municipalityId").asString()));
        assertThat(visited).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 4) / 5);
    }

    @Test
    void theLastPageAndAPageBeyondTheEndCarryNoNextLink() {
        int total = api.get("/api/v1/municipalities").body().size();
        HttpResponse<String> last = api.raw("/api/v1/municipalities?offset=" + (total - 1) + "&limit=1");
        assertThat(JSON.readTree(last.body()).size()).isEqualTo(1);
        assertThat(next(last)).isNull();
        HttpResponse<String> beyond = api.raw("/api/v1/municipalities?offset=" + (total + 10));
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(beyond.body()).size()).isZero();
        assertThat(next(beyond)).isNull();
    }

    @Test
    void everyListReadKeepsToTheLimitItWasGiven() {
        Journeys.approvedCso(api, "Udruženje Paginacija A", "4200000000001", List.of("mostar"));
        Journeys.approvedCso(api, "Udruženje Paginacija B", "4200000000002", List.of("mostar"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/csos").body().size() >= 2);
        for (String list : LISTS) {
            HttpResponse<String> answer = api.raw(list + "?limit=1");
            assertThat(answer.statusCode()).as(list).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).size()).as(list).isLessThanOrEqualTo(1);
        }
        HttpResponse<String> firstCso = api.raw("/api/v1/csos?limit=1");
        assertThat(next(firstCso)).as("two CSOs, one a page").isNotNull();
        JsonNode second = JSON.readTree(api.raw(next(firstCso)).body());
        assertThat(second.get(0).get("csoId")).isNotEqualTo(JSON.readTree(firstCso.body()).get(0).get("csoId"));

        Api.Reply letters = api.get("/api/v1/admin/dead-letters?limit=1", api.token("admin", "ADMIN"));
        assertThat(letters.status()).isEqualTo(200);
        assertThat(letters.body().get("letters").size()).isLessThanOrEqualTo(1);
    }

    @Test
    void aLimitOrOffsetOutOfBoundsIsAProblemNotALongerAnswer() {
        for (String list : LISTS) {
            for (String query : List.of("limit=0", "limit=1001", "limit=-3", "limit=many", "offset=-1", "offset=1000001",
                    "offset=1.5", "limit=99999999999")) {
                Api.Reply reply = api.get(list + "?" + query);
                IdeaLoopEndToEndTest.assertProblem(reply, 400, "validation-failed");
                assertThat(reply.body().toString()).as(list + "?" + query).contains(query.split("=")[0]);
            }
        }
        assertThat(api.get("/api/v1/admin/dead-letters?limit=5000", api.token("admin", "ADMIN")).status()).isEqualTo(400);
    }

    /** The path and query of the next page, or null on the last. */
    private static String next(HttpResponse<String> answer) {
        return answer.headers().firstValue("Link").map(link -> {
            Matcher m = NEXT.matcher(link);
            assertThat(m.find()).as(link).isTrue();
            URI uri = URI.create(m.group(1));
            return uri.getRawPath() + "?" + uri.getRawQuery();
        }).orElse(null);
    }
}
