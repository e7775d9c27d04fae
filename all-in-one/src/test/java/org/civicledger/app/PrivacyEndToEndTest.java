package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicledger.app.IdeaLoopEndToEndTest.assertProblem;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicledger.app.Api.Reply;
import org.civicledger.query.transparency.MerkleTree;
import org.civicledger.query.transparency.NoteVerifier;
import org.civicledger.query.transparency.Proofs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public log and the open data may never carry, tried as a reader of both would: the text of a
 * hidden idea, a redacted text, an erased person's text, a contact e-mail, and anything that links one
 * person's acts in two contexts. The texts are served beside the log, by entry, until they are hidden,
 * redacted or erased (then {@code 410} with why), and every entry stays provably in the log.
 */
class PrivacyEndToEndTest extends SharedSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HIDDEN_TEXT = "Skriveni tekst sa brojem 061-555-0101";
    private static final String REDACTED_TEXT = "Zovite me na 062-555-0202 poslije pet";
    private static final String ERASED_TEXT = "Tekst osobe koja je izbrisana iz sistema";
    private static final String CONTACT = "kontakt.xyzzy@udruzenje.ba";

    private static String coordinator;
    private static String hiddenIdea;
    private static String redactedIdea;
    private static String erasedIdea;
    private static String keptIdea;

    @BeforeAll
    static void ideasThatModerationAndErasureTouch() {
        coordinator = api.token("coordinator-privacy", "NETWORK_COORDINATOR");
        hiddenIdea = idea("citizen-h", "Ideja koja će biti skrivena", HIDDEN_TEXT);
        redactedIdea = idea("citizen-r", "Ideja sa brojem telefona", REDACTED_TEXT);
        erasedIdea = idea("citizen-e", "Ideja osobe koja odlazi", ERASED_TEXT);
        keptIdea = idea("citizen-k", "Ideja koja ostaje", "Ovaj opis ostaje javan.");
        assertThat(api.post("/api/v1/ideas/" + hiddenIdea + "/moderation", coordinator,
                Map.of("decision", "HIDE", "reason", "Sadrži lične podatke")).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/ideas/" + redactedIdea + "/redactions", coordinator,
                Map.of("field", "description", "reason", "Broj telefona")).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/people/citizen-e/personal-data", api.token("admin", "ADMIN")).status())
                .isEqualTo(204);
        Reply cso = api.post("/api/v1/csos", api.token("founder-privacy", "CITIZEN"), Map.of("name", "Udruženje Xyzzy",
                "registrationNumber", "4299999999999", "municipalityIds", List.of("mostar"), "focusAreas", List.of("youth"),
                "contactEmail", CONTACT, "acceptsProtocol", true));
        assertThat(cso.status()).as(cso.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> logSize() >= StoredEvents.count(system, e -> true));
        Journeys.readModelsSettled(system);
    }

    private static String idea(String citizen, String title, String description) {
        Map<String, Object> idea = IdeaLoopEndToEndTest.idea("mostar");
        idea.put("title", title);
        idea.put("description", description);
        Reply reply = api.post("/api/v1/ideas", api.token(citizen, "CITIZEN"), idea);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json("ideaId").asString();
    }

    private static long logSize() {
        return api.raw("/api/v1/transparency/entries?start=0&end=10000").body().lines().count();
    }

    private static List<String> entries() {
        return api.raw("/api/v1/transparency/entries?start=0&end=10000").body().lines().toList();
    }

    /** The index of the entry recording {@code eventType} in stream {@code aggregateId}. */
    private static long entryOf(String aggregateId, String eventType) {
        List<String> all = entries();
        for (int i = 0; i < all.size(); i++) {
            JsonNode entry = JSON.readTree(all.get(i));
            if (entry.get("aggregateId").asString().equals(aggregateId) && entry.get("eventType").asString().equals(eventType)) {
                return i;
            }
        }
        throw new AssertionError("no entry of " + eventType + " in " + aggregateId);
    }

    private static String content(long index, String field) {
        return "/api/v1/transparency/entries/" + index + "/content?field=" + field;
    }

    @Test
    void noProtectedTextOrContactDataIsInTheLogOrTheOpenData() {
        String log = String.join("\n", entries());
        String export = api.raw("/api/v1/export/ideas").body() + api.raw("/api/v1/export/ideas?format=csv").body();

        for (String secret : List.of(HIDDEN_TEXT, REDACTED_TEXT, ERASED_TEXT, CONTACT, "061-555-0101", "062-555-0202")) {
            assertThat(log).as("the log").doesNotContain(secret);
            assertThat(export).as("the open data").doesNotContain(secret);
        }
        assertThat(entries()).allSatisfy(entry -> assertThat(entry).doesNotContain("\"profile\"")
                .doesNotContain("\"ciphertext\"").doesNotContain("\"sealed\""));
        JsonNode submitted = JSON.readTree(entries().get((int) entryOf("idea-" + keptIdea, "idea.IdeaSubmitted")));
        assertThat(submitted.get("format").asInt()).isEqualTo(2);
        assertThat(submitted.at("/data/description/digest").asString()).hasSize(44);
        assertThat(export).contains("Ovaj opis ostaje javan.");
    }

    @Test
    void aTextIsServedBesideTheLogWithTheSaltItsDigestWasMadeWith() throws Exception {
        long index = entryOf("idea-" + keptIdea, "idea.IdeaSubmitted");
        JsonNode listed = api.get("/api/v1/transparency/entries/" + index + "/content").body();
        assertThat(listed.get("texts").valueStream().map(t -> t.get("field").asString()).toList())
                .containsExactly("/title", "/description");

        JsonNode served = api.get(content(index, "/description")).body();

        assertThat(served.get("text").asString()).isEqualTo("Ovaj opis ostaje javan.");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Base64.getDecoder().decode(served.get("salt").asString()));
        String digest = Base64.getEncoder().encodeToString(sha.digest(served.get("text").asString().getBytes(StandardCharsets.UTF_8)));
        JsonNode entry = JSON.readTree(entries().get((int) index));
        assertThat(entry.at("/data/description/digest").asString()).isEqualTo(digest);
    }

    @Test
    void aHiddenIdeasTextsAreGoneWhileItIsHidden() {
        long index = entryOf("idea-" + hiddenIdea, "idea.IdeaSubmitted");

        Reply gone = api.get(content(index, "/description"));

        assertProblem(gone, 410, "gone");
        assertThat(gone.json("reason").asString()).isEqualTo("HIDDEN");
        assertThat(api.get("/api/v1/ideas/" + hiddenIdea).body().at("/withheld/description").asString()).isEqualTo("HIDDEN");
    }

    @Test
    void aRedactedTextIsGoneForGoodAndItsEntryStaysProvablyInTheLog() throws Exception {
        long index = entryOf("idea-" + redactedIdea, "idea.IdeaSubmitted");

        Reply gone = api.get(content(index, "/description"));

        assertProblem(gone, 410, "gone");
        assertThat(gone.json("reason").asString()).isEqualTo("REDACTED");
        assertThat(api.get(content(index, "/title")).json("text").asString()).isEqualTo("Ideja sa brojem telefona");
        JsonNode idea = api.get("/api/v1/ideas/" + redactedIdea).body();
        assertThat(idea.get("description").isNull()).isTrue();
        assertThat(idea.at("/withheld/description").asString()).isEqualTo("REDACTED");
        assertProblem(api.post("/api/v1/ideas/" + redactedIdea + "/redactions", coordinator,
                Map.of("field", "description", "reason", "Opet")), 409, "conflict");
        assertProblem(api.post("/api/v1/ideas/" + redactedIdea + "/redactions", api.token("citizen-x", "CITIZEN"),
                Map.of("field", "title", "reason", "Ne sviđa mi se")), 403, "forbidden");
        assertThat(entryOf("idea-" + redactedIdea, "idea.IdeaTextRedacted")).isGreaterThan(index);
        assertIncluded(index);
    }

    @Test
    void anErasedPersonsTextIsGoneAndTheirIdeaStays() throws Exception {
        long index = entryOf("idea-" + erasedIdea, "idea.IdeaSubmitted");

        Reply gone = api.get(content(index, "/title"));

        assertProblem(gone, 410, "gone");
        assertThat(gone.json("reason").asString()).isEqualTo("ERASED");
        JsonNode idea = api.get("/api/v1/ideas/" + erasedIdea).body();
        assertThat(idea.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(idea.get("title").isNull()).isTrue();
        assertThat(idea.at("/withheld/title").asString()).isEqualTo("ERASED");
        assertIncluded(index);
    }

    @Test
    void contactDataIsNeverServedBesideTheLog() {
        String csoStream = entries().stream().map(JSON::readTree)
                .filter(e -> e.get("eventType").asString().equals("cso.CsoRegistered"))
                .map(e -> e.get("aggregateId").asString()).findFirst().orElseThrow();
        long index = entryOf(csoStream, "cso.CsoRegistered");

        assertProblem(api.get(content(index, "/contactEmail")), 404, "not-found");
        assertThat(api.get("/api/v1/transparency/entries/" + index + "/content").body().at("/texts/0/status").asString())
                .isEqualTo("NOT_PUBLISHED");
    }

    @Test
    void onePersonsEntriesInTwoContextsShareNoIdentifier() {
        String amra = api.token("citizen-amra-contexts", "CITIZEN");
        String own = idea("citizen-amra-contexts", "Amrina ideja", "Opis Amrine ideje.");
        assertThat(api.post("/api/v1/ideas/" + keptIdea + "/votes", amra, Map.of()).status()).isEqualTo(201);
        String consultation = Journeys.openConsultation(api, "mostar", "bs", "Pitanje za sve?", Duration.ofDays(3),
                Map.of("yes", "Da", "no", "Ne"));
        assertThat(api.post("/api/v1/consultations/" + consultation + "/answers", amra, Map.of("optionId", "yes")).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> logSize() >= StoredEvents.count(system, e -> true));

        List<Set<String>> contexts = List.of(
                identifiers(entryOf("idea-" + own, "idea.IdeaSubmitted")),
                identifiers(lastEntry("vote.VoteCast", "ballot-" + keptIdea)),
                identifiers(lastEntry("consultation.ConsultationAnswered", "consultation-answer-" + consultation)));
        for (int a = 0; a < contexts.size(); a++) {
            for (int b = a + 1; b < contexts.size(); b++) {
                Set<String> shared = new HashSet<>(contexts.get(a));
                shared.retainAll(contexts.get(b));
                assertThat(shared).as("identifiers shared by one person's entries in two contexts").isEmpty();
            }
        }
    }

    @Test
    void anErasedPersonCannotVoteASecondTimeOnWhatBeganBeforeTheErasure() {
        String bojan = api.token("citizen-bojan-returns", "CITIZEN");
        assertThat(api.post("/api/v1/ideas/" + keptIdea + "/votes", bojan, Map.of()).status()).isEqualTo(201);
        assertThat(api.delete("/api/v1/people/me/personal-data", bojan).status()).isEqualTo(204);

        Reply again = api.post("/api/v1/ideas/" + keptIdea + "/votes", bojan, Map.of());

        assertProblem(again, 409, "conflict");
        assertThat(again.json("currentState").asString()).isEqualTo("ERASED_BEFORE");
        String later = idea("citizen-someone-later", "Nova ideja poslije brisanja", "Opis.");
        assertThat(api.post("/api/v1/ideas/" + later + "/votes", bojan, Map.of()).status()).isEqualTo(201);
    }

    /** The newest entry of {@code eventType} in a stream whose name starts with {@code streamPrefix}. */
    private static long lastEntry(String eventType, String streamPrefix) {
        List<String> all = entries();
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonNode entry = JSON.readTree(all.get(i));
            if (entry.get("eventType").asString().equals(eventType)
                    && entry.get("aggregateId").asString().startsWith(streamPrefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + eventType + " in a stream " + streamPrefix + "…");
    }

    /** Every string of 16 characters or more in an entry, and every such part of one split at '-': what could identify. */
    private static Set<String> identifiers(long index) {
        Set<String> found = new HashSet<>();
        collect(JSON.readTree(entries().get((int) index)), found);
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isString()) {
            String text = node.asString();
            List<String> parts = new ArrayList<>(List.of(text.split("-")));
            parts.add(text);
            parts.stream().filter(p -> p.length() >= 16).forEach(found::add);
        }
        node.forEach(child -> collect(child, found));
        node.properties().forEach(e -> collect(e.getValue(), found));
    }

    private static void assertIncluded(long index) throws Exception {
        NoteVerifier verifier = new NoteVerifier(api.raw("/api/v1/transparency/verifier-key").body());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.raw("/api/v1/transparency/checkpoint").statusCode() == 200
                && verifier.checkpoint(api.raw("/api/v1/transparency/checkpoint").body()).treeSize() > index);
        NoteVerifier.Checkpoint checkpoint = verifier.checkpoint(api.raw("/api/v1/transparency/checkpoint").body());
        HttpResponse<String> entry = api.raw("/api/v1/transparency/entries/" + index);
        List<byte[]> proof = new ArrayList<>();
        api.get("/api/v1/transparency/proofs/inclusion?index=" + index + "&treeSize=" + checkpoint.treeSize()).body()
                .get("hashes").forEach(h -> proof.add(Base64.getDecoder().decode(h.asString())));
        assertThat(Proofs.verifyInclusion(index, checkpoint.treeSize(),
                MerkleTree.leafHash(entry.body().getBytes(StandardCharsets.UTF_8)), proof, checkpoint.root())).isTrue();
    }
}
