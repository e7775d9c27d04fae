package org.civicledger.query.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The log's tree against the RFC 6962 definitions written out directly and recursively (MTH, PATH,
 * PROOF of section 2.1), for every size from 1 to 300 and for random sizes up to 100,000; and what a
 * changed, reordered or dropped entry does to the proofs.
 */
class MerkleTreeTest {

    // --- RFC 6962 section 2.1, as written there ---

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] leaf(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    /** MTH(D[n]) over entries. */
    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leaf(d.get(0));
        }
        int k = Integer.highestOneBit(n - 1);
        return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (n == 1) {
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            proof.addAll(path(m, d.subList(0, k)));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(path(m - k, d.subList(k, n)));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    // --- the checks ---

    private static List<byte[]> entries(int n) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(("{\"logIndex\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    private static MerkleTree tree(List<byte[]> entries) {
        MerkleTree tree = new MerkleTree();
        entries.forEach(e -> tree.append(MerkleTree.leafHash(e)));
        return tree;
    }

    @Test
    void everyRootPathAndProofUpTo300IsTheRfcs() {
        List<byte[]> all = entries(300);
        MerkleTree tree = tree(all);
        assertThat(tree.root(0)).isEqualTo(sha256());
        for (int n = 1; n <= 300; n++) {
            List<byte[]> d = all.subList(0, n);
            byte[] root = mth(d);
            assertThat(tree.root(n)).as("root of %d", n).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(proof).as("path of %d in %d", m, n).containsExactlyElementsOf(path(m, d));
                assertThat(Proofs.verifyInclusion(m, n, leaf(d.get(m)), proof, root)).isTrue();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(proof).as("proof from %d to %d", m, n)
                        .containsExactlyElementsOf(m == n ? List.of() : subproof(m, d, true));
                assertThat(Proofs.verifyConsistency(m, n, mth(all.subList(0, m)), root, proof)).isTrue();
            }
        }
    }

    @Test
    void randomSizesUpTo100000AgreeWithTheRfc() {
        Random random = new Random(6962);
        List<byte[]> all = entries(100_000);
        MerkleTree tree = tree(all);
        for (int round = 0; round < 6; round++) {
            int n = round == 0 ? 100_000 : 1 + random.nextInt(100_000);
            List<byte[]> d = all.subList(0, n);
            byte[] root = mth(d);
            assertThat(tree.root(n)).isEqualTo(root);
            for (int i = 0; i < 20; i++) {
                int m = random.nextInt(n);
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(proof).containsExactlyElementsOf(path(m, d));
                assertThat(Proofs.verifyInclusion(m, n, leaf(d.get(m)), proof, root)).isTrue();
                int from = 1 + random.nextInt(n);
                List<byte[]> consistency = tree.consistencyProof(from, n);
                assertThat(consistency).containsExactlyElementsOf(from == n ? List.of() : subproof(from, d, true));
                assertThat(Proofs.verifyConsistency(from, n, mth(all.subList(0, from)), root, consistency)).isTrue();
            }
        }
    }

    @Test
    void aChangedEntryIsCaught() {
        List<byte[]> original = entries(37);
        MerkleTree tree = tree(original);
        byte[] root = tree.root(37);
        List<byte[]> proof = tree.inclusionProof(20, 37);
        byte[] forged = "{\"logIndex\":20,\"data\":\"rewritten\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Proofs.verifyInclusion(20, 37, leaf(forged), proof, root)).isFalse();
        List<byte[]> changed = new ArrayList<>(original);
        changed.set(20, forged);
        assertThat(tree(changed).root(37)).isNotEqualTo(root);
        assertThat(Proofs.verifyConsistency(30, 37, tree(changed).root(30), root, tree.consistencyProof(30, 37))).isFalse();
    }

    @Test
    void aReorderedPairIsCaught() {
        List<byte[]> original = entries(37);
        byte[] root = tree(original).root(37);
        List<byte[]> reordered = new ArrayList<>(original);
        Collections.swap(reordered, 11, 12);
        MerkleTree rewritten = tree(reordered);

        assertThat(rewritten.root(37)).isNotEqualTo(root);
        assertThat(Proofs.verifyInclusion(11, 37, leaf(original.get(11)), rewritten.inclusionProof(11, 37), root)).isFalse();
    }

    @Test
    void aDroppedEntryIsCaught() {
        List<byte[]> original = entries(37);
        MerkleTree tree = tree(original);
        byte[] before = tree.root(20);
        List<byte[]> dropped = new ArrayList<>(original);
        dropped.remove(5);
        MerkleTree rewritten = tree(dropped);

        // the log as rewritten cannot prove the earlier checkpoint of 20 entries is its prefix
        assertThat(Proofs.verifyConsistency(20, 36, before, rewritten.root(36), rewritten.consistencyProof(20, 36)))
                .isFalse();
        assertThat(rewritten.root(20)).isNotEqualTo(before);
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MerkleTree tree = tree(entries(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree.inclusionProof(10, 10))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree.consistencyProof(3, 11))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree.consistencyProof(0, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
