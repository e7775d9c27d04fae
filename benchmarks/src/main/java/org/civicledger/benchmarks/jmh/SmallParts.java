package org.civicledger.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.query.transparency.MerkleTree;
import org.civicledger.query.transparency.PublicRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The small parts that bound the bigger figures, each beside its baseline in the same run: Ed25519
 * verification of a bench message with Bouncy Castle against the JDK's; a transparency-log entry
 * (canonical public record and leaf hash) against a bare SHA-256 of the same bytes; inclusion and
 * consistency proofs at 1,000,000 entries.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am -DskipTests -Dskip.simulator=true package exec:exec
 * -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main SmallParts -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SmallParts {

    private static final int ENTRIES = 1_000_000;

    private byte[] message;
    private byte[] signature;
    private byte[] rawKey;
    private KeyPair jdkKey;
    private MerkleTree tree;
    private GenericDomainEventMessage<IdeaSubmitted> event;
    private byte[] entry;

    @Setup
    public void setUp() throws Exception {
        message = new byte[600];
        ThreadLocalRandom.current().nextBytes(message);
        jdkKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(jdkKey.getPrivate());
        signer.update(message);
        signature = signer.sign();
        byte[] spki = jdkKey.getPublic().getEncoded();
        rawKey = Arrays.copyOfRange(spki, spki.length - 32, spki.length);

        tree = new MerkleTree();
        for (int i = 0; i < ENTRIES; i++) {
            tree.append(MerkleTree.leafHash(("{\"logIndex\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        event = new GenericDomainEventMessage<>("Idea", "idea-1", 0, new IdeaSubmitted("1", "mostar", "Centar", "parks",
                SealedText.sealed("key-of-the-title-0001", "c2VhbGVkIHRpdGxl", "ZGlnZXN0IG9mIHRoZSB0aXRsZQ=="),
                SealedText.sealed("key-of-the-descriptio", "c2VhbGVkIGRlc2NyaXB0aW9u", "ZGlnZXN0IG9mIHRoZSBkZXNjcmlwdGlvbg=="),
                "bs", Channel.WEB, "author-pseudonym-0001", null, null));
        entry = PublicRecord.entry(0, event);
    }

    @Benchmark
    public boolean ed25519VerifyJdkBaseline() throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdkKey.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Benchmark
    public boolean ed25519VerifyBouncyCastle() {
        return Ed25519.verify(signature, 0, rawKey, 0, message, 0, message.length);
    }

    @Benchmark
    public byte[] logEntrySha256Baseline() throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(entry);
    }

    @Benchmark
    public byte[] logEntryPublicRecordAndLeafHash() {
        return MerkleTree.leafHash(PublicRecord.entry(42, event));
    }

    @Benchmark
    public List<byte[]> inclusionProofAtAMillion() {
        return tree.inclusionProof(ThreadLocalRandom.current().nextInt(ENTRIES), ENTRIES);
    }

    @Benchmark
    public List<byte[]> consistencyProofToAMillion() {
        return tree.consistencyProof(1 + ThreadLocalRandom.current().nextInt(ENTRIES - 1), ENTRIES);
    }
}
