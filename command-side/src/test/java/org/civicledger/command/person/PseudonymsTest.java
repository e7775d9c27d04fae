package org.civicledger.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.civicledger.command.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

    @TempDir
    Path data;

    @Test
    void theSamePersonAlwaysGetsTheSamePseudonymAndItRevealsNothing() {
        Pseudonyms pseudonyms = new Pseudonyms("", new DataDirectory(data));

        assertThat(pseudonyms.of("amra@example.ba")).isEqualTo(pseudonyms.of("amra@example.ba"));
        assertThat(pseudonyms.of("amra@example.ba")).isNotEqualTo(pseudonyms.of("amra@example.com"));
        assertThat(pseudonyms.of("amra@example.ba").value()).doesNotContain("amra").hasSize(43);
    }

    @Test
    void aGeneratedKeyIsKeptPrivatelyAndReusedAfterARestart() throws Exception {
        String before = new Pseudonyms("", new DataDirectory(data)).of("subject-1").value();

        String after = new Pseudonyms("", new DataDirectory(data)).of("subject-1").value();

        assertThat(after).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/pseudonym.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsAndDifferentKeysGiveDifferentPseudonyms() {
        String keyA = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] b = new byte[32];
        b[0] = 1;
        String keyB = Base64.getEncoder().encodeToString(b);

        assertThat(new Pseudonyms(keyA, new DataDirectory(data)).of("s"))
                .isNotEqualTo(new Pseudonyms(keyB, new DataDirectory(data)).of("s"));
        assertThat(Files.exists(data.resolve("keys/pseudonym.key"))).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new Pseudonyms(shortKey, new DataDirectory(data)))
                .hasMessageContaining("at least 32 bytes");
    }
}
