package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.civicledger.command.eventstore.EmbeddedPostgresServer;
import org.civicledger.query.transparency.MerkleTree;
import org.civicledger.query.transparency.NoteVerifier;
import org.civicledger.query.transparency.Proofs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment that ran the previous release (person-wide pseudonyms, texts in clear in the events,
 * transparency entries of format 1) upgrades in place. The fixture is that release's PostgreSQL schema
 * after a small scenario driven over its HTTP API, and what that release answered then
 * ({@code upgrade/previous-release.sql} and {@code .json}; {@code upgrade/make-fixture.sh} says how they
 * were made and makes them again). Each test loads the schema into a fresh one and starts the current
 * system on it with the same three keys, as an operator upgrading would: Flyway migrates the old schema,
 * the read models are rebuilt from the old events.
 *
 * <p>What must survive the upgrade is what people and donors rely on: the old ideas, consultation and CSO
 * read as before; every old log entry and signed checkpoint stays exactly as published, and the log grows
 * consistently from them; one vote and one answer per person hold across the change of pseudonyms; the
 * author of an old idea still amends it; personal data recorded before opens, and erasing the person
 * destroys its old key; an old text can be hidden but, having no key, not redacted.
 *
 * <p>On the embedded default the schema is loaded into an embedded PostgreSQL that this class starts; with
 * the {@code machine-services} profile, into a fresh schema of this machine's PostgreSQL (named like
 * {@link TestStores}' schemas, so that one left by a run that died is swept a day later).
 */
class UpgradeEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode FIXTURE = JSON.readTree(resource("previous-release.json"));
    private static final JsonNode IDEAS = FIXTURE.get("ideas");
    private static final JsonNode VIEWS = FIXTURE.get("views");
    private static final JsonNode LOG = FIXTURE.get("transparency");
    /** Test fixtures, not secrets: the keys the previous release ran with (make-fixture.sh). */
    private static final JsonNode KEYS = FIXTURE.get("keys");

    private static Path embeddedData;
    private static EmbeddedPostgresServer embedded;

    private final HttpClient http = HttpClient.newHttpClient();
    private String url;
    private String schema;
    private TestStores stores;
    private RunningSystem system;

    @BeforeAll
    static void database() throws IOException {
        if (!TestStores.usesServer()) {
            embeddedData = Files.createTempDirectory("civic-ledger-upgrade-pg-");
            embedded = EmbeddedPostgresServer.start(embeddedData, 0);
        }
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (embedded != null) {
            embedded.close();
            FileSystemUtils.deleteRecursively(embeddedData);
        }
    }

    /** The previous release's schema, loaded into a fresh one, and the current system started on it. */
    @BeforeEach
    void upgrade() throws SQLException {
        url = embedded != null ? embedded.jdbcUrl() : TestStores.POSTGRES_URL;
        schema = "civic_test_" + Instant.now().getEpochSecond() + "_"
                + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        stores = TestStores.fresh();
        try (Connection connection = DriverManager.getConnection(url, TestStores.POSTGRES_USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute(new String(resource("previous-release.sql"), StandardCharsets.UTF_8)
                    .replace(FIXTURE.get("schema").asString(), schema));
        }
        system = start();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (system != null) {
            system.close();
        }
        try (Connection connection = DriverManager.getConnection(url, TestStores.POSTGRES_USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** The current system on the loaded schema, with the previous release's keys; it signs a checkpoint soon after each event. */
    private RunningSystem start() {
        return RunningSystem.start(stores, "--civic.event-store=postgres", "--civic.postgres.url=" + url,
                "--civic.postgres.user=" + TestStores.POSTGRES_USER, "--civic.postgres.schema=" + schema,
                "--civic.privacy.pseudonym-key=" + KEYS.get("pseudonymKey").asString(),
                "--civic.privacy.master-key=" + KEYS.get("masterKey").asString(),
                "--civic.transparency.signing-key=" + KEYS.get("signingKey").asString(),
                "--civic.transparency.checkpoint.every-entries=1", "--civic.transparency.checkpoint.interval=PT0.2S");
    }

    // ---------------------------------------------------------------- the old ideas, consultation and CSO

    @Test
    void theSchemaIsMigratedAndEveryOldIdeaConsultationAndCsoReadsAsBefore() {
        JdbcTemplate sql = new JdbcTemplate(system.bean(DataSource.class));
        assertThat(sql.queryForList("select version from flyway_schema_history where success and version is not null "
                + "order by installed_rank", String.class)).as("the old migrations kept, the new ones applied")
                .startsWith("1", "2", "3", "4").contains("5");
        assertThat(sql.queryForObject("select earlier_acts from privacy_cutover where id = 1", Boolean.class))
                .as("the cut-over found the ballots and answers stored before").isTrue();

        for (String name : List.of("lighting", "bridge", "youth")) {
            JsonNode before = VIEWS.get(name);
            JsonNode now = await().atMost(Duration.ofSeconds(60)).until(() -> idea(name),
                    idea -> idea.path("version").asInt() == before.get("version").asInt()
                            && idea.path("validations").size() == before.get("validations").size());
            for (String field : List.of("ideaId", "municipalityId", "localCommunity", "topic", "title", "description",
                    "language", "channel", "status", "version", "submittedAt")) {
                assertThat(now.get(field)).as("%s: %s", name, field).isEqualTo(before.get(field));
            }
            assertThat(now.get("moderation").isNull()).as(name).isTrue();
            for (int i = 0; i < before.get("validations").size(); i++) {
                for (String field : List.of("csoId", "decision", "reason", "ideaVersion", "current", "at")) {
                    assertThat(now.get("validations").get(i).get(field)).as("%s: validation %d: %s", name, i, field)
                            .isEqualTo(before.get("validations").get(i).get(field));
                }
            }
        }
        assertThat(idea("bridge").get("description").asString()).as("an old text reads in clear, as it was stored")
                .contains("061 555 0123");
        assertThat(idea("lighting").at("/votes/identified").asInt()).as("7 votes stand, shown (5 or more)")
                .isEqualTo(VIEWS.at("/lighting/votes/identified").asInt());

        JsonNode hidden = await().atMost(Duration.ofSeconds(30)).until(() -> idea("hidden"), idea -> idea.has("moderation"));
        assertThat(hidden.get("title").isNull()).as("a hidden idea stays hidden").isTrue();
        assertThat(hidden.get("description").isNull()).isTrue();
        assertThat(hidden.at("/moderation/hidden").asBoolean()).isTrue();
        assertThat(hidden.at("/moderation/reason")).isEqualTo(VIEWS.at("/hidden/moderation/reason"));
        assertThat(hidden.at("/withheld/description").asString()).isEqualTo("HIDDEN");
        assertThat(system.api.raw("/api/v1/export/ideas?format=jsonl").body()).as("nor exported with its texts")
                .contains(IDEAS.get("hidden").asString()).contains("Rasvjeta na šetalištu uz Neretvu")
                .doesNotContain("Park za pse").doesNotContain("uvredljivim");

        JsonNode trail = system.api.get("/api/v1/audit/ideas/" + IDEAS.get("lighting").asString(),
                system.api.token("auditor", "AUDITOR")).body();
        assertThat(trail.at("/events/0/type").asString()).isEqualTo("IdeaSubmitted");
        assertThat(trail.at("/events/0/event/title/text").asString()).as("the auditor reads the old text")
                .isEqualTo(VIEWS.at("/lighting/title").asString());

        JsonNode consultation = await().atMost(Duration.ofSeconds(30)).until(
                () -> system.api.get("/api/v1/consultations/" + FIXTURE.get("consultation").asString()),
                reply -> reply.status() == 200).body();
        for (String field : List.of("consultationId", "municipalityId", "ideaId", "question", "opensAt", "closesAt",
                "status")) {
            assertThat(consultation.get(field)).as("consultation: %s", field).isEqualTo(VIEWS.at("/consultation").get(field));
        }
        for (int i = 0; i < 2; i++) {
            for (String field : List.of("optionId", "label")) {
                assertThat(consultation.get("options").get(i).get(field)).as("option %d: %s", i, field)
                        .isEqualTo(VIEWS.at("/consultation/options").get(i).get(field));
            }
        }
        assertThat(consultation.get("identifiedAnswers")).as("6 answers, shown (5 or more)")
                .isEqualTo(VIEWS.at("/consultation/identifiedAnswers"));

        JsonNode cso = await().atMost(Duration.ofSeconds(30)).until(
                () -> system.api.get("/api/v1/csos/" + FIXTURE.get("cso").asString()), reply -> reply.status() == 200).body();
        for (String field : List.of("csoId", "name", "registrationNumber", "municipalityIds", "focusAreas", "contactEmail",
                "status", "registeredAt")) {
            assertThat(cso.get(field)).as("CSO: %s", field).isEqualTo(VIEWS.at("/cso").get(field));
        }
    }

    // ---------------------------------------------------------------- the transparency log

    @Test
    void everyOldEntryAndCheckpointStaysAsPublishedAndTheLogGrowsConsistentlyInFormatTwo() throws Exception {
        long oldSize = LOG.get("logSize").asLong();
        String verifierKey = LOG.get("verifierKey").asString();
        assertThat(new String(bytes("/api/v1/transparency/verifier-key"), StandardCharsets.UTF_8).strip())
                .as("the same signing key, the same verifier key").isEqualTo(verifierKey);

        MerkleTree tree = new MerkleTree();
        List<byte[]> oldEntries = new ArrayList<>();
        for (int i = 0; i < oldSize; i++) {
            byte[] entry = bytes("/api/v1/transparency/entries/" + i);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entry)))
                    .as("entry %d has the bytes the previous release served", i)
                    .isEqualTo(LOG.get("entrySha256").get(i).asString());
            assertThat(JSON.readTree(entry).has("format")).as("entry %d is of format 1", i).isFalse();
            oldEntries.add(entry);
            tree.append(MerkleTree.leafHash(entry));
        }

        NoteVerifier oldVerifier = new NoteVerifier(verifierKey);
        NoteVerifier.Checkpoint lastOld = null;
        for (JsonNode signed : LOG.get("checkpoints")) {
            long size = signed.get("treeSize").asLong();
            String note = new String(bytes("/api/v1/transparency/checkpoints/" + size), StandardCharsets.UTF_8);
            assertThat(note).as("the checkpoint of size %d as the previous release signed it", size)
                    .isEqualTo(signed.get("note").asString());
            NoteVerifier.Checkpoint checkpoint = oldVerifier.checkpoint(note);
            assertThat(checkpoint.treeSize()).isEqualTo(size);
            assertThat(checkpoint.root()).as("size %d: the root of the entries served now", size).isEqualTo(tree.root(size));
            lastOld = checkpoint;
        }
        assertThat(lastOld.treeSize()).as("the previous release signed a checkpoint of every event").isEqualTo(oldSize);

        int lighting = indexOf(oldEntries, "idea.IdeaSubmitted", IDEAS.get("lighting").asString());
        assertThat(system.api.get("/api/v1/transparency/entries/" + lighting + "/content").status())
                .as("a format-1 entry has no texts served beside it: they are in it").isEqualTo(404);
        assertThat(new String(oldEntries.get(lighting), StandardCharsets.UTF_8))
                .contains(VIEWS.at("/lighting/title").asString());

        // new events, after the old ones, in format 2
        String author = system.api.token("nermin", "CITIZEN");
        String newIdea = Journeys.submittedIdea(system.api, author, "maglaj");
        assertThat(system.api.post("/api/v1/ideas/" + IDEAS.get("bridge").asString() + "/votes", author, Map.of())
                .status()).isEqualTo(201);
        long events = StoredEvents.count(system, e -> true);
        assertThat(events).as("the upgrade itself stores no event").isEqualTo(oldSize + 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.api.get("/api/v1/transparency/checkpoints?limit=1000")
                .body().valueStream().anyMatch(c -> c.get("treeSize").asLong() == events));
        NoteVerifier.Checkpoint now = oldVerifier.checkpoint(
                new String(bytes("/api/v1/transparency/checkpoints/" + events), StandardCharsets.UTF_8));

        String newTitle = IdeaLoopEndToEndTest.idea("maglaj").get("title").toString();
        for (long i = oldSize; i < events; i++) {
            byte[] entry = bytes("/api/v1/transparency/entries/" + i);
            JsonNode record = JSON.readTree(entry);
            assertThat(record.get("format").asInt()).as("entry %d", i).isEqualTo(2);
            assertThat(record.get("logIndex").asLong()).isEqualTo(i);
            assertThat(new String(entry, StandardCharsets.UTF_8)).as("texts only as digests").doesNotContain(newTitle);
            tree.append(MerkleTree.leafHash(entry));
        }
        assertThat(now.root()).isEqualTo(tree.root(events));
        assertThat(Proofs.verifyConsistency(lastOld.treeSize(), now.treeSize(), lastOld.root(), now.root(),
                hashes("/api/v1/transparency/proofs/consistency?from=" + oldSize + "&to=" + events)))
                .as("the new checkpoint extends the last one the previous release signed").isTrue();
        assertThat(Proofs.verifyInclusion(lighting, events, MerkleTree.leafHash(oldEntries.get(lighting)),
                hashes("/api/v1/transparency/proofs/inclusion?index=" + lighting + "&treeSize=" + events), now.root()))
                .as("an old entry is proven in the new checkpoint").isTrue();

        JsonNode submitted = JSON.readTree(bytes("/api/v1/transparency/entries/" + oldSize));
        assertThat(submitted.at("/data/ideaId").asString()).isEqualTo(newIdea);
        JsonNode served = system.api.get("/api/v1/transparency/entries/" + oldSize + "/content?field=/title").body();
        assertThat(served.get("text").asString()).as("a format-2 entry's texts are served beside it").isEqualTo(newTitle);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Base64.getDecoder().decode(served.get("salt").asString()));
        assertThat(Base64.getEncoder().encodeToString(sha.digest(newTitle.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(submitted.at("/data/title/digest").asString());
    }

    // ---------------------------------------------------------------- one vote, one answer per person

    @Test
    void oneVotePerPersonAndOneAnswerPerConsultationHoldAcrossTheUpgrade() {
        String lighting = "/api/v1/ideas/" + IDEAS.get("lighting").asString() + "/votes";
        int before = VIEWS.at("/lighting/votes/identified").asInt();
        awaitVotes("lighting", before);

        for (String voter : List.of("lejla", "tarik", "dino")) { // dino was erased before the upgrade
            assertConflict(system.api.post(lighting, citizen(voter), Map.of()), "VOTED", voter + " voted before");
        }
        assertConflict(system.api.post("/api/v1/ideas/" + IDEAS.get("bridge").asString() + "/votes", citizen("edin"),
                Map.of()), "VOTED", "edin's vote on another idea still counts");

        String edin = citizen("edin");
        assertThat(system.api.post(lighting, edin, Map.of()).status()).as("edin withdrew before: he may vote again")
                .isEqualTo(201);
        assertConflict(system.api.post(lighting, edin, Map.of()), "VOTED", "edin, once");

        String mirza = citizen("mirza");
        assertThat(system.api.delete(lighting, mirza).status()).as("mirza withdraws his old ballot").isEqualTo(204);
        assertConflict(system.api.delete(lighting, mirza), "NOT_VOTED", "mirza has withdrawn");
        awaitVotes("lighting", before); // edin's counts, mirza's no longer
        assertThat(system.api.post(lighting, mirza, Map.of()).status()).as("mirza votes again").isEqualTo(201);
        assertConflict(system.api.post(lighting, mirza, Map.of()), "VOTED", "mirza, once");

        assertThat(system.api.post(lighting, citizen("amra"), Map.of()).status())
                .as("amra wrote the idea but never voted on it").isEqualTo(201);
        awaitVotes("lighting", before + 2); // edin's and amra's

        String answers = "/api/v1/consultations/" + FIXTURE.get("consultation").asString() + "/answers";
        for (String respondent : List.of("amra", "mirza", "tarik", "dino")) {
            assertConflict(system.api.post(answers, citizen(respondent), Map.of("optionId", "park")), "ANSWERED",
                    respondent + " answered before");
        }
        String lejla = citizen("lejla");
        assertThat(system.api.post(answers, lejla, Map.of("optionId", "park")).status())
                .as("lejla never answered").isEqualTo(201);
        assertConflict(system.api.post(answers, lejla, Map.of("optionId", "setaliste")), "ANSWERED", "lejla, once");
    }

    // ---------------------------------------------------------------- the author of an old idea

    /**
     * The author is recognised by the pseudonym the idea carries; an idea submitted before the upgrade
     * carries the author's person-wide one. Fails at bb8e528: 403 "Only the author may amend an idea"
     * ({@code Idea.handle(AmendIdea)} compares it with the author's pseudonym in the idea's context only).
     */
    @Test
    void theAuthorOfAnOldIdeaStillAmendsItAndOnlyTheNewTextCanBeRedacted() {
        String youth = "/api/v1/ideas/" + IDEAS.get("youth").asString();
        String member = system.api.token("member-haris", List.of("CSO_MEMBER"), Map.of("csoId", FIXTURE.get("cso").asString()));
        assertThat(system.api.post(youth + "/validations", member,
                Map.of("decision", "REQUEST_CHANGES", "reason", "Navedite i radno vrijeme")).status()).isEqualTo(201);

        Api.Reply amended = system.api.post(youth + "/amendments", citizen("selma"), Map.of("municipalityId", "maglaj",
                "localCommunity", "Centar", "topic", "youth", "title", "Omladinski centar u Maglaju, radnim danima",
                "description", "Prostor za mlade, otvoren radnim danima od 16 do 21 sat.", "language", "bs"));
        assertThat(amended.status()).as("selma submitted the idea before the upgrade: %s", amended).isEqualTo(201);
        JsonNode idea = await().atMost(Duration.ofSeconds(30)).until(() -> idea("youth"),
                view -> view.path("version").asInt() == 3);
        assertThat(idea.get("title").asString()).isEqualTo("Omladinski centar u Maglaju, radnim danima");

        String coordinator = system.api.token("coordinator-vesna", "NETWORK_COORDINATOR");
        assertThat(system.api.post(youth + "/redactions", coordinator, Map.of("version", 3, "field", "description",
                "reason", "Test redakcije")).status()).as("the new text is sealed: its key can be destroyed").isEqualTo(204);
        assertConflict(system.api.post(youth + "/redactions", coordinator, Map.of("version", 2, "field", "description",
                "reason", "Test redakcije")), "PLAIN", "the old version has no key");
        await().atMost(Duration.ofSeconds(30)).until(() -> idea("youth").at("/withheld/description").asString(""),
                "REDACTED"::equals);
    }

    // ---------------------------------------------------------------- personal data recorded before

    /**
     * Each person reads what the previous release answered them. Fails at bb8e528 for tarik (404 instead of
     * his data) and dino (404 instead of ERASED): neither has a {@code person_secret} until they act after
     * the upgrade, and {@code GET /people/me/personal-data} looks only at a live secret.
     */
    @Test
    void personalDataRecordedBeforeReadsAsBefore() {
        assertThat(system.api.post("/api/v1/ideas/" + IDEAS.get("lighting").asString() + "/votes", citizen("amra"),
                Map.of()).status()).as("amra acts after the upgrade").isEqualTo(201);

        SoftAssertions each = new SoftAssertions(); // every person's answer, not only the first that differs
        for (String person : List.of("amra", "tarik", "dino")) { // tarik has not acted since; dino was erased before
            Api.Reply reply = system.api.get("/api/v1/people/me/personal-data", citizen(person));
            each.assertThat(reply.status()).as("%s: %s", person, reply).isEqualTo(200);
            each.assertThat(reply.body()).as(person).isEqualTo(FIXTURE.at("/personalData/" + person));
        }
        each.assertAll();
    }

    /**
     * Erasure must reach the key of data recorded before, whether or not the person acted since the upgrade.
     * Fails at bb8e528 for tarik, who has not: 409 NO_DATA, and his old key stays ({@code liveOrConflict}
     * asks for a live {@code person_secret}).
     */
    @Test
    void erasingAPersonWhoRecordedDataBeforeDestroysTheOldKeyForGood() {
        JdbcTemplate sql = new JdbcTemplate(system.bean(DataSource.class));
        assertThat(liveOldKeys(sql, "amra")).isEqualTo(1);
        assertThat(liveOldKeys(sql, "tarik")).isEqualTo(1);

        // amra acts after the upgrade, then asks to be erased
        assertThat(system.api.post("/api/v1/ideas/" + IDEAS.get("lighting").asString() + "/votes", citizen("amra"),
                Map.of()).status()).isEqualTo(201);
        Api.Reply amraErased = system.api.delete("/api/v1/people/me/personal-data", citizen("amra"));
        assertThat(amraErased.status()).as("amra: %s", amraErased).isEqualTo(204);
        assertErased("amra");
        assertThat(liveOldKeys(sql, "amra")).as("amra's old key is destroyed").isZero();
        assertThat(liveOldKeys(sql, "tarik")).as("tarik's is kept").isEqualTo(1);
        assertThat(system.api.post("/api/v1/ideas/" + IDEAS.get("bridge").asString() + "/votes", citizen("amra"),
                Map.of()).status()).as("erased, amra still cannot vote twice").isEqualTo(409);

        // tarik has not acted since the upgrade when he asks to be erased
        Api.Reply tarikErased = system.api.delete("/api/v1/people/me/personal-data", citizen("tarik"));
        assertThat(tarikErased.status()).as("tarik: %s", tarikErased).isEqualTo(204);
        assertErased("tarik");
        assertThat(liveOldKeys(sql, "tarik")).as("tarik's old key is destroyed").isZero();
        assertThat(system.api.post("/api/v1/ideas/" + IDEAS.get("lighting").asString() + "/votes", citizen("tarik"),
                Map.of()).status()).as("erased, tarik still cannot vote twice").isEqualTo(409);

        system.close();
        system = start();
        assertErased("amra");
        assertErased("tarik");
        assertThat(liveOldKeys(new JdbcTemplate(system.bean(DataSource.class)), "tarik")).isZero();
    }

    private void assertErased(String person) {
        Api.Reply reply = system.api.get("/api/v1/people/me/personal-data", citizen(person));
        assertThat(reply.status()).as("%s: %s", person, reply).isEqualTo(200);
        assertThat(reply.json("status").asString()).as(person).isEqualTo("ERASED");
        assertThat(reply.json("data").isNull()).as(person).isTrue();
    }

    /** The person's data keys of before that still open something ({@code person_key}, named by their person-wide pseudonym). */
    private static int liveOldKeys(JdbcTemplate sql, String subject) {
        return sql.queryForObject("select count(*) from person_key where pseudonym = ? and wrapped_key is not null",
                Integer.class, earlierPseudonym(subject));
    }

    /** The person-wide pseudonym the previous release stored: HMAC-SHA-256(pseudonym key, subject), base64url. */
    private static String earlierPseudonym(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEYS.get("pseudonymKey").asString()), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- old texts: hidden, never redacted

    @Test
    void anOldTextCanBeHiddenButNotRedacted() {
        String coordinator = system.api.token("coordinator-vesna", "NETWORK_COORDINATOR");
        for (String name : List.of("hidden", "bridge")) {
            for (String field : List.of("title", "description")) {
                assertConflict(system.api.post("/api/v1/ideas/" + IDEAS.get(name).asString() + "/redactions", coordinator,
                        Map.of("field", field, "reason", "Lični podaci u tekstu")), "PLAIN",
                        name + " " + field + ": stored before texts were sealed");
            }
        }
        assertThat(idea("hidden").get("title").isNull()).as("still hidden").isTrue();

        String bridge = "/api/v1/ideas/" + IDEAS.get("bridge").asString();
        assertThat(system.api.post(bridge + "/moderation", coordinator, Map.of("decision", "HIDE",
                "reason", "Broj telefona u opisu")).status()).as("it can be hidden").isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> idea("bridge").get("description").isNull());
        assertThat(idea("bridge").at("/withheld/description").asString()).isEqualTo("HIDDEN");
        assertThat(system.api.raw("/api/v1/export/ideas?format=jsonl").body()).doesNotContain("061 555 0123");
    }

    // ---------------------------------------------------------------- helpers

    private String citizen(String subject) {
        return system.api.token(subject, "CITIZEN");
    }

    /** The idea of the fixture named {@code name}, as the API reads it now. */
    private JsonNode idea(String name) {
        return system.api.get("/api/v1/ideas/" + IDEAS.get(name).asString()).body();
    }

    private void awaitVotes(String name, int identified) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(idea(name).at("/votes/identified").asInt(-1))
                .as("identified votes on %s", name).isEqualTo(identified));
    }

    private static void assertConflict(Api.Reply reply, String state, String why) {
        assertThat(reply.status()).as("%s: %s", why, reply).isEqualTo(409);
        assertThat(reply.json("currentState").asString()).as(why).isEqualTo(state);
    }

    private static int indexOf(List<byte[]> entries, String eventType, String aggregateId) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode record = JSON.readTree(entries.get(i));
            if (record.get("eventType").asString().equals(eventType)
                    && record.get("aggregateId").asString().endsWith(aggregateId)) {
                return i;
            }
        }
        throw new AssertionError("no " + eventType + " of " + aggregateId + " among the old entries");
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(system.api.base() + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private List<byte[]> hashes(String path) {
        List<byte[]> hashes = new ArrayList<>();
        system.api.get(path).body().get("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    private static byte[] resource(String name) {
        try (InputStream in = UpgradeEndToEndTest.class.getResourceAsStream("/upgrade/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture upgrade/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
