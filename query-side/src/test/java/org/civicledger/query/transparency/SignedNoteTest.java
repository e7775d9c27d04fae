package org.civicledger.query.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Checkpoints as C2SP signed notes: format, key id, signature, and a tampered note refused. */
class SignedNoteTest {

    private static final byte[] SEED = new byte[32];
    private static final byte[] ROOT = MerkleTree.leafHash(new byte[] {1, 2, 3});

    @Test
    void aCheckpointIsASignedNoteTheVerifierKeyAccepts() {
        NoteSigner signer = new NoteSigner("civic-ledger.example/log", SEED);
        String note = signer.sign(NoteSigner.checkpoint("civic-ledger.example/log", 42, ROOT));

        assertThat(note).startsWith("civic-ledger.example/log\n42\n" + Base64.getEncoder().encodeToString(ROOT) + "\n\n"
                + "\u2014 civic-ledger.example/log ");
        assertThat(signer.verifierKey()).matches("civic-ledger\\.example/log\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        NoteVerifier.Checkpoint checkpoint = new NoteVerifier(signer.verifierKey()).checkpoint(note);
        assertThat(checkpoint.treeSize()).isEqualTo(42);
        assertThat(checkpoint.root()).isEqualTo(ROOT);
        assertThat(checkpoint.origin()).isEqualTo("civic-ledger.example/log");
    }

    /** The known answer of Go's golang.org/x/mod/sumdb/note, an implementation standard tools share. */
    @Test
    void theSignedNoteIsByteForByteWhatGosSumdbNoteSigns() {
        byte[] typedSeed = Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        NoteSigner signer = new NoteSigner("PeterNeumann", java.util.Arrays.copyOfRange(typedSeed, 1, 33));
        String text = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";

        assertThat(signer.verifierKey()).isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(signer.sign(text)).isEqualTo(text + "\n\u2014 PeterNeumann "
                + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n");
    }

    /** A verifier key whose base64 holds a '+' (transparency-dev/formats' test key) is read whole. */
    @Test
    void aVerifierKeyWithAPlusInItsBase64IsRead() {
        org.assertj.core.api.Assertions.assertThatCode(
                () -> new NoteVerifier("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new NoteVerifier("TEST+7997405d+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"))
                .hasMessageContaining("id does not match");
    }

    @Test
    void aChangedNoteOrAnotherKeyIsRefused() {
        NoteSigner signer = new NoteSigner("civic-ledger.example/log", SEED);
        String note = signer.sign(NoteSigner.checkpoint("civic-ledger.example/log", 42, ROOT));
        NoteVerifier verifier = new NoteVerifier(signer.verifierKey());

        assertThatThrownBy(() -> verifier.checkpoint(note.replace("\n42\n", "\n43\n")))
                .hasMessageContaining("no valid signature");
        byte[] otherSeed = new byte[32];
        otherSeed[0] = 1;
        String forged = new NoteSigner("civic-ledger.example/log", otherSeed)
                .sign(NoteSigner.checkpoint("civic-ledger.example/log", 42, ROOT));
        assertThatThrownBy(() -> verifier.checkpoint(forged)).hasMessageContaining("no valid signature");
    }
}
