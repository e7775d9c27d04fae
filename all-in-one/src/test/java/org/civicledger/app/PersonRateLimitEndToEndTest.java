package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One person's writes over the allowance are refused 429 with a problem and Retry-After; others and reads go on. */
class PersonRateLimitEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(TestStores.fresh(), "--civic.http.writes-per-person-per-minute=5");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aPersonsWritesBeyondTheAllowanceAreRefusedAndChangeNothing() {
        Api api = system.api;
        String hasty = api.token("hasty", "CITIZEN");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/ideas", hasty, IdeaLoopEndToEndTest.idea("mostar")).status()).isEqualTo(201);
        }

        Api.Reply refused = api.post("/api/v1/ideas", hasty, IdeaLoopEndToEndTest.idea("mostar"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json("type").asString()).isEqualTo("urn:civic-ledger:problem:rate-limited");
        assertThat(refused.location()).isNull();
        assertThat(api.post("/api/v1/ideas", api.token("patient", "CITIZEN"), IdeaLoopEndToEndTest.idea("mostar")).status())
                .as("another person").isEqualTo(201);
        assertThat(api.get("/api/v1/municipalities/mostar/dashboard").status()).as("a read").isEqualTo(200);
        assertThat(api.post("/api/v1/ideas/" + java.util.UUID.randomUUID() + "/votes", hasty, Map.of()).status())
                .as("any write of the same person").isEqualTo(429);
    }
}
