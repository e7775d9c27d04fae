package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Bodies over the limit are answered 413 with a problem document, whether their length is declared or not. */
class RequestLimitsEndToEndTest extends SharedSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeAnythingElse() throws Exception {
        Map<String, Object> idea = IdeaLoopEndToEndTest.idea("mostar");
        idea.put("description", "x".repeat(70_000));

        HttpResponse<String> reply = send(JSON.writeValueAsBytes(idea), false, null); // not even a token

        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(reply.body()).get("type").asString()).isEqualTo("urn:civic-ledger:problem:payload-too-large");
    }

    @Test
    void aBodySentWithoutALengthStopsBeingReadAtTheLimit() throws Exception {
        Map<String, Object> idea = IdeaLoopEndToEndTest.idea("mostar");
        idea.put("description", "x".repeat(70_000));

        HttpResponse<String> reply = send(JSON.writeValueAsBytes(idea), true, api.token("amra", "CITIZEN"));

        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(reply.body()).get("type").asString()).isEqualTo("urn:civic-ledger:problem:payload-too-large");
    }

    @Test
    void anOrdinaryBodySentWithoutALengthIsTakenAsAlways() throws Exception {
        HttpResponse<String> reply = send(JSON.writeValueAsBytes(IdeaLoopEndToEndTest.idea("mostar")), true,
                api.token("amra", "CITIZEN"));

        assertThat(reply.statusCode()).isEqualTo(201);
    }

    private static HttpResponse<String> send(byte[] body, boolean chunked, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/ideas"))
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
