package org.civicledger.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.civicledger.command.DataDirectory;
import org.civicledger.command.eventstore.EmbeddedPostgresServer;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The keys beside the events, on real PostgreSQL: texts sealed and opened, the digest the log commits to,
 * a redaction and an erasure destroying keys (and another instance forgetting what it held), and each
 * person's secret giving pseudonyms that differ by context and end with the person's erasure.
 */
class KeyStoreTest {

    private static EmbeddedPostgresServer server;
    private static HikariDataSource database;
    private static MasterKey master;

    @BeforeAll
    static void database() throws Exception {
        server = EmbeddedPostgresServer.start(Files.createTempDirectory("civic-keys-pg-"), 0);
        database = new HikariDataSource();
        database.setJdbcUrl(server.jdbcUrl());
        database.setUsername("postgres");
        Flyway.configure().dataSource(database).locations("classpath:db/eventstore").load().migrate();
        master = new MasterKey(new DataDirectory(Files.createTempDirectory("civic-keys-data-")), "");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        server.close();
    }

    private static SealedTexts vault() {
        return new SealedTexts(database, master);
    }

    @Test
    void aSealedTextOpensWithTheSaltItsDigestWasMadeWith() throws Exception {
        SealedText sealed = vault().seal("Rasvjeta u parku, tel. 061 555 0101", null);

        OpenedText opened = vault().open(sealed);

        assertThat(sealed.sealed()).doesNotContain("Rasvjeta");
        assertThat(opened.text()).isEqualTo("Rasvjeta u parku, tel. 061 555 0101");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Base64.getDecoder().decode(opened.salt()));
        assertThat(Base64.getEncoder().encodeToString(sha.digest(opened.text().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(sealed.digest());
    }

    @Test
    void theSameTextSealedTwiceSharesNeitherKeyNorDigest() {
        SealedText first = vault().seal("Ista rečenica", null);
        SealedText second = vault().seal("Ista rečenica", null);

        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.digest()).isNotEqualTo(first.digest());
    }

    @Test
    void aRedactedTextIsWithheldForGoodOnEveryInstance() {
        SealedTexts here = vault();
        SealedTexts elsewhere = vault();
        SealedText sealed = here.seal("Ime susjeda", null);
        assertThat(elsewhere.open(sealed).text()).isEqualTo("Ime susjeda"); // the other instance now holds the key

        here.redact(sealed);

        assertThat(here.open(sealed).withheld()).isEqualTo(OpenedText.Withheld.REDACTED);
        await().atMost(Duration.ofSeconds(5)).until(() -> elsewhere.open(sealed).gone());
        assertThat(elsewhere.open(sealed).withheld()).isEqualTo(OpenedText.Withheld.REDACTED);
    }

    @Test
    void erasingAWriterDestroysEveryKeyOfTheirsAndNoOneElses() {
        ErasureTag amra = new ErasureTag("tag-of-amra-" + System.nanoTime());
        SealedText title = vault().seal("Amrin naslov", amra);
        SealedText profile = vault().seal("gender=FEMALE", amra);
        SealedText official = vault().seal("Obrazloženje općine", null);

        assertThat(vault().eraseWriter(amra)).isEqualTo(2);

        assertThat(vault().open(title).withheld()).isEqualTo(OpenedText.Withheld.ERASED);
        assertThat(vault().open(profile).withheld()).isEqualTo(OpenedText.Withheld.ERASED);
        assertThat(vault().open(official).text()).isEqualTo("Obrazloženje općine");
    }

    @Test
    void aPlainTextFromBeforeSealingOpensAsItIs() {
        assertThat(vault().open(SealedText.plain("Stari tekst")).text()).isEqualTo("Stari tekst");
    }

    @Test
    void aPersonsPseudonymsDifferByContextAndEndWithTheirErasure() throws Exception {
        PersonSecrets secrets = new PersonSecrets(database, master,
                new Pseudonyms("", new DataDirectory(Files.createTempDirectory("civic-keys-pseudonyms-"))));
        Identity first = secrets.identify("amra-subject");

        assertThat(secrets.identify("amra-subject").in("idea-1")).isEqualTo(first.in("idea-1"));
        assertThat(first.in("idea-1")).isNotEqualTo(first.in("idea-2"));
        assertThat(first.in("idea-1").value()).doesNotContain(first.subjectKey());
        assertThat(first.actsSince()).isNull();

        assertThat(secrets.erase(first)).isTrue();

        assertThat(secrets.live("amra-subject")).isEmpty();
        Identity again = secrets.identify("amra-subject");
        assertThat(again.generation()).isEqualTo(2);
        assertThat(again.in("idea-1")).isNotEqualTo(first.in("idea-1"));
        assertThat(again.actsSince()).isEqualTo(secrets.erasedAt("amra-subject").orElseThrow());
    }
}
