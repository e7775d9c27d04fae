package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.civicledger.query.transparency.MerkleTree;
import org.civicledger.query.transparency.NoteVerifier;
import org.civicledger.query.transparency.Proofs;
import org.civicledger.query.transparency.verify.LogVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public transparency log over real HTTP: every stored event is one entry, entries hold no personal
 * data, signed checkpoints verify, every entry is proven included, a later checkpoint is consistent
 * with an earlier one across an erasure, a rebuild and a restart; the verify command passes, and fails
 * once an entry is rewritten behind the log's back.
 */
class TransparencyEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] SETTINGS = {"--civic.transparency.checkpoint.every-entries=1",
        "--civic.transparency.checkpoint.interval=PT0.2S", "--civic.transparency.origin=civic-ledger.test/log"};
    private final HttpClient http = HttpClient.newHttpClient();

    private byte[] raw(RunningSystem system, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(system.api.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static long storedEvents(RunningSystem system) {
        return StoredEvents.count(system, e -> true);
    }

    /** Waits until a checkpoint covers every stored event, verifies its signature, and answers it. */
    private NoteVerifier.Checkpoint checkpointOfEverything(RunningSystem system) throws Exception {
        NoteVerifier verifier = new NoteVerifier(new String(raw(system, "/api/v1/transparency/verifier-key"),
                StandardCharsets.UTF_8));
        long events = storedEvents(system);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.api.get("/api/v1/transparency/checkpoints").body()
                .valueStream().anyMatch(c -> c.get("treeSize").asLong() == events));
        NoteVerifier.Checkpoint checkpoint = verifier.checkpoint(new String(raw(system,
                "/api/v1/transparency/checkpoint"), StandardCharsets.UTF_8));
        assertThat(checkpoint.origin()).isEqualTo("civic-ledger.test/log");
        assertThat(checkpoint.treeSize()).isEqualTo(events);
        return checkpoint;
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.get("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    private List<byte[]> entries(RunningSystem system, long size) throws Exception {
        List<byte[]> entries = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            entries.add(raw(system, "/api/v1/transparency/entries/" + i));
        }
        return entries;
    }

    @Test
    void everyEventIsProvablyInTheLogAndTheLogNeverRewritesItself() throws Exception {
        TestStores stores = TestStores.fresh();
        Path verifierState = Files.createTempFile("civic-ledger-verifier-", ".properties");
        Files.delete(verifierState);
        NoteVerifier.Checkpoint first;
        List<byte[]> firstEntries;
        NoteVerifier.Checkpoint second;
        try (RunningSystem system = RunningSystem.start(stores, SETTINGS)) {
            String citizen = system.api.token("citizen-lejla", "CITIZEN");
            String ideaId = system.api.post("/api/v1/ideas", citizen, IdeaLoopEndToEndTest.idea("mostar"))
                    .json("ideaId").asString();
            assertThat(system.api.put("/api/v1/people/me/personal-data", citizen, Map.of("name", "Lejla Begić",
                    "email", "lejla.begic@example.ba", "ageBand", "25_34")).status()).isEqualTo(204);

            first = checkpointOfEverything(system);
            firstEntries = entries(system, first.treeSize());
            Set<String> eventIds = new HashSet<>();
            for (int i = 0; i < firstEntries.size(); i++) {
                byte[] entry = firstEntries.get(i);
                String text = new String(entry, StandardCharsets.UTF_8);
                JsonNode record = JSON.readTree(entry);
                assertThat(record.get("logIndex").asLong()).isEqualTo(i);
                assertThat(eventIds.add(record.get("eventId").asString())).as("one entry per event").isTrue();
                assertThat(JSON.writeValueAsString(JSON.treeToValue(record, java.util.TreeMap.class)))
                        .as("canonical: sorted keys, no white space").isEqualTo(text);
                assertThat(text).doesNotContain("Lejla Begić").doesNotContain("lejla.begic@example.ba")
                        .doesNotContain("\"ciphertext\"");
                List<byte[]> proof = hashes(system.api.get("/api/v1/transparency/proofs/inclusion?index=" + i
                        + "&treeSize=" + first.treeSize()).body());
                assertThat(Proofs.verifyInclusion(i, first.treeSize(), MerkleTree.leafHash(entry), proof, first.root()))
                        .as("entry %d proven included", i).isTrue();
            }
            assertThat(firstEntries).anySatisfy(e -> assertThat(new String(e, StandardCharsets.UTF_8))
                    .contains("\"eventType\":\"person.PersonalDataRecorded\"").contains("\"digest\""));

            // the auditor's trail points into the log
            JsonNode trail = system.api.get("/api/v1/audit/ideas/" + ideaId, system.api.token("auditor", "AUDITOR")).body();
            JsonNode place = trail.at("/events/0/transparency");
            assertThat(place.get("logIndex").isNumber()).isTrue();
            assertThat(place.get("inclusionProof").asString()).contains("index=" + place.get("logIndex").asLong());

            // an erasure and a rebuild of every read model change no entry
            assertThat(system.api.delete("/api/v1/people/me/personal-data", citizen).status()).isEqualTo(204);
            assertThat(system.api.post("/api/v1/admin/projections/all/rebuild", system.api.token("admin", "ADMIN"),
                    Map.of()).json("rebuilding").toString()).doesNotContain("transparency-log");
            second = checkpointOfEverything(system);
            assertThat(entries(system, first.treeSize())).containsExactlyElementsOf(firstEntries);
            assertThat(Proofs.verifyConsistency(first.treeSize(), second.treeSize(), first.root(), second.root(),
                    hashes(system.api.get("/api/v1/transparency/proofs/consistency?from=" + first.treeSize()
                            + "&to=" + second.treeSize()).body()))).isTrue();

            assertThat(new LogVerifier(system.api.base(), quiet()).verify(null, verifierState, 100, true))
                    .isEqualTo(second.treeSize());
        }

        try (RunningSystem restarted = RunningSystem.start(stores, SETTINGS)) {
            restarted.api.post("/api/v1/ideas", restarted.api.token("citizen-edin", "CITIZEN"),
                    IdeaLoopEndToEndTest.idea("trebinje"));
            NoteVerifier.Checkpoint third = checkpointOfEverything(restarted);
            assertThat(third.treeSize()).isGreaterThan(second.treeSize());
            assertThat(entries(restarted, first.treeSize())).containsExactlyElementsOf(firstEntries);
            assertThat(Proofs.verifyConsistency(second.treeSize(), third.treeSize(), second.root(), third.root(),
                    hashes(restarted.api.get("/api/v1/transparency/proofs/consistency?from=" + second.treeSize()
                            + "&to=" + third.treeSize()).body()))).isTrue();
            // the verifier remembers the second checkpoint and checks the third against it
            new LogVerifier(restarted.api.base(), quiet()).verify(null, verifierState, 100, false);

            // an entry rewritten behind the log's back is caught
            new JdbcTemplate(restarted.bean(DataSource.class)).update(
                    "update transparency_entry set entry = convert_to(replace(convert_from(entry, 'UTF8'), 'mostar', "
                            + "'trebinje'), 'UTF8') where log_index = (select min(log_index) from transparency_entry "
                            + "where convert_from(entry, 'UTF8') like '%IdeaSubmitted%')");
            assertThatThrownBy(() -> new LogVerifier(restarted.api.base(), quiet()).verify(null, verifierState,
                    Integer.MAX_VALUE, true)).isInstanceOf(LogVerifier.Mismatch.class);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
