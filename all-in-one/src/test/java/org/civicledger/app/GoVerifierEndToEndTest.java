package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public log, after ideas, votes, a redaction and an erasure, verifies with Go's own
 * {@code golang.org/x/mod/sumdb/note} and {@code sumdb/tlog} ({@code docs/verify-with-go}): the checkpoint's
 * signature, every entry rebuilding the root, every inclusion proof and every earlier checkpoint's
 * consistency. An entry rewritten behind the log's back fails it. Needs Go and golang.org/x/mod (Debian:
 * golang-go, golang-golang-x-mod-dev), which {@code .ci/run} installs: tagged {@code go}, run by the
 * {@code go-verifier} profile, not by a JDK-only {@code ./mvnw verify}.
 */
@Tag("go")
class GoVerifierEndToEndTest {

    private static final String[] SETTINGS = {"--civic.transparency.checkpoint.every-entries=5",
        "--civic.transparency.checkpoint.interval=PT0.2S", "--civic.transparency.origin=civic-ledger.test/go"};

    @Test
    void theLogVerifiesWithGosTransparencyLogPackagesAndARewriteIsCaught() throws Exception {
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), SETTINGS)) {
            Api api = system.api;
            String author = api.token("citizen-go-author", "CITIZEN");
            String idea = Journeys.submittedIdea(api, author, "trebinje");
            for (int i = 0; i < 6; i++) {
                api.post("/api/v1/ideas/" + idea + "/votes", api.token("citizen-go-" + i, "CITIZEN"), Map.of());
            }
            api.post("/api/v1/ideas/" + idea + "/redactions", api.token("coordinator", "NETWORK_COORDINATOR"),
                    Map.of("field", "description", "reason", "Lični podaci"));
            api.delete("/api/v1/people/me/personal-data", author);
            long events = StoredEvents.count(system, e -> true);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/transparency/checkpoints?limit=1000").body()
                    .valueStream().anyMatch(c -> c.get("treeSize").asLong() == events));
            String key = api.raw("/api/v1/transparency/verifier-key").body().strip();

            Run verified = verify(api.base(), key);
            assertThat(verified.exit()).as(verified.output()).isZero();
            assertThat(verified.output()).contains(events + " entries rebuild the root").contains(events
                    + " inclusion proofs check").contains("earlier checkpoints are consistent").endsWith("OK\n");

            new JdbcTemplate(system.bean(DataSource.class)).update("update transparency_entry set entry = "
                    + "convert_to(replace(convert_from(entry, 'UTF8'), 'trebinje', 'mostar'), 'UTF8') where log_index = "
                    + "(select min(log_index) from transparency_entry where convert_from(entry, 'UTF8') like '%IdeaSubmitted%')");
            Run tampered = verify(api.base(), key);
            assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
            assertThat(tampered.output()).contains("FAILED");
        }
    }

    record Run(int exit, String output) {
    }

    /** {@code go run} of docs/verify-with-go against the system, offline, with Debian's golang.org/x/mod. */
    private static Run verify(String server, String key) throws IOException, InterruptedException {
        Path program = Path.of("..", "docs", "verify-with-go", "main.go").toAbsolutePath().normalize();
        Path cache = Files.createDirectories(Path.of("target", "go-cache").toAbsolutePath());
        ProcessBuilder go = new ProcessBuilder(List.of("go", "run", program.toString(), "-server", server, "-key", key))
                .redirectErrorStream(true);
        go.environment().put("GO111MODULE", "off");
        go.environment().put("GOPATH", "/usr/share/gocode");
        go.environment().put("GOCACHE", cache.toString());
        go.environment().put("GOFLAGS", "");
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
