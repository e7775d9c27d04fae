package org.civicledger.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running system over real HTTP, as a municipality's or a bench vendor's code would be. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The base URL of the system, e.g. for a client of its own. */
    public String base() {
        return base;
    }

    public record Reply(int status, String contentType, String location, JsonNode body) {
        public JsonNode json(String field) {
            return body.get(field);
        }
    }

    public String token(String subject, String... roles) {
        return token(subject, List.of(roles), Map.of());
    }

    /** A dev token with extra claims, such as {@code csoId} or {@code municipalityId}. */
    public String token(String subject, List<String> roles, Map<String, String> claims) {
        Map<String, Object> request = new java.util.HashMap<>(claims);
        request.put("subject", subject);
        request.put("roles", roles);
        Reply reply = post("/api/v1/dev/tokens", null, request);
        if (reply.status() != 200) {
            throw new AssertionError("no token: " + reply);
        }
        return reply.json("token").asString();
    }

    public Reply post(String path, String token, Object body) {
        return postRaw(path, token, "application/json", JSON.writeValueAsString(body));
    }

    Reply postRaw(String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply put(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token).GET().build());
    }

    /** A GET answered with a body that is not one JSON document (JSON Lines, CSV): status, headers and text. */
    HttpResponse<String> raw(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json").GET().build());
    }

    Reply delete(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), body);
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
