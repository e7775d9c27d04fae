package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Smart benches over HTTP: registered with their Ed25519 keys, commissioned, re-keyed, decommissioned, audited. */
class BenchAdministrationEndToEndTest extends SharedSystemTest {

    static String newKey() throws Exception {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    @Test
    void aBenchLivesFromRegistrationToDecommissioning() throws Exception {
        String admin = api.token("admin", "ADMIN");
        Map<String, Object> bench = Map.of("benchId", "bench-trebinje-1", "municipalityId", "trebinje",
                "location", Map.of("lat", 42.7117, "lon", 18.3436), "publicKey", newKey());

        Api.Reply registered = api.post("/api/v1/benches", admin, bench);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.location()).isEqualTo("/api/v1/benches/bench-trebinje-1");
        assertProblem(api.post("/api/v1/benches", admin, bench), 409, "conflict");
        assertThat(api.post("/api/v1/benches/bench-trebinje-1/commissioning", admin, Map.of()).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/benches/bench-trebinje-1/key-rotation", admin,
                Map.of("publicKey", newKey(), "reason", "Zamijenjen ekran i modul")).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/benches/bench-trebinje-1").body().path("keyVersion").asInt() == 2);
        JsonNode view = api.get("/api/v1/benches/bench-trebinje-1").body();
        assertThat(view.get("status").asString()).isEqualTo("COMMISSIONED");
        assertThat(view.get("lat").asDouble()).isEqualTo(42.7117);

        assertThat(api.post("/api/v1/benches/bench-trebinje-1/decommissioning", admin,
                Map.of("reason", "Uništena u oluji")).status()).isEqualTo(204);
        Api.Reply again = api.post("/api/v1/benches/bench-trebinje-1/key-rotation", admin,
                Map.of("publicKey", newKey(), "reason", "Pokušaj"));
        assertProblem(again, 409, "conflict");
        assertThat(again.json("currentState").asString()).isEqualTo("DECOMMISSIONED");

        JsonNode trail = api.get("/api/v1/audit/benches/bench-trebinje-1", api.token("auditor", "AUDITOR")).body();
        assertThat(trail.get("events").valueStream().map(e -> e.get("type").asString()).toList()).containsExactly(
                "BenchRegistered", "BenchCommissioned", "BenchKeyRotated", "BenchDecommissioned");
        assertThat(trail.at("/events/3/rationale").asString()).isEqualTo("Uništena u oluji");
    }

    @Test
    void registrationValidatesEveryField() {
        Api.Reply reply = api.post("/api/v1/benches", api.token("admin", "ADMIN"), Map.of("benchId", "Bench 1",
                "municipalityId", "trebinje", "location", Map.of("lat", 95, "lon", 18), "publicKey", "AAAA"));

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("benchId", "location.lat", "publicKey");
        assertProblem(api.post("/api/v1/benches", api.token("admin", "ADMIN"), Map.of("benchId", "bench-x",
                "municipalityId", "atlantis", "location", Map.of("lat", 1, "lon", 1), "publicKey",
                Base64.getEncoder().encodeToString(new byte[32]))), 400, "validation-failed");
    }
}
