package org.civicledger.query.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree with RFC 6962 hashing (section 2.1; RFC 9162 section 2.1): leaf
 * {@code SHA-256(0x00 || entry)}, node {@code SHA-256(0x01 || left || right)}. Keeps every complete
 * subtree's hash, level by level, in flat arrays (32 bytes a node; about 64 MB for a million entries),
 * so the hash of any range the RFC's recursions ask for takes O(log n) lookups and every proof is
 * answered from memory. Not thread-safe: {@link TransparencyLog} guards it.
 */
public final class MerkleTree {

    static final int HASH = 32;

    /** levels.get(h): the hashes of the complete subtrees of 2^h leaves, left to right. */
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private long size;

    public long size() {
        return size;
    }

    /** Appends one leaf hash and the hashes of the subtrees it completes. */
    public void append(byte[] leafHash) {
        if (leafHash.length != HASH) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        put(0, leafHash);
        size++;
        long index = size - 1;
        int level = 0;
        while ((index & 1) == 1) { // this node is a right child: its parent is now complete
            byte[] parent = nodeHash(node(level, index - 1), node(level, index));
            index >>= 1;
            level++;
            put(level, parent);
        }
    }

    private void put(int level, byte[] hash) {
        while (levels.size() <= level) {
            levels.add(new byte[HASH * 1024]);
            counts.add(0);
        }
        int count = counts.get(level);
        byte[] store = levels.get(level);
        if ((long) (count + 1) * HASH > store.length) {
            store = Arrays.copyOf(store, Math.max(store.length * 2, (count + 1) * HASH));
            levels.set(level, store);
        }
        System.arraycopy(hash, 0, store, count * HASH, HASH);
        counts.set(level, count + 1);
    }

    private byte[] node(int level, long index) {
        return Arrays.copyOfRange(levels.get(level), (int) (index * HASH), (int) (index * HASH + HASH));
    }

    /** The leaf hash at {@code index}. */
    public byte[] leaf(long index) {
        check(index < size, "no entry " + index + " in a log of " + size);
        return node(0, index);
    }

    /** MTH of the first {@code treeSize} leaves; the hash of the empty string for an empty tree. */
    public byte[] root(long treeSize) {
        check(treeSize >= 0 && treeSize <= size, "tree size " + treeSize + " is beyond the log's " + size);
        return treeSize == 0 ? sha256(new byte[0]) : hash(0, treeSize);
    }

    /** MTH(D[start:end]); ranges of the RFC's recursions start aligned to their left subtree. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(hash(start, start + k), hash(start + k, end));
    }

    /** RFC 6962 PATH(m, D[n]): the audit path of leaf {@code index} in the tree of {@code treeSize}. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        check(treeSize >= 1 && treeSize <= size, "tree size must be 1 to " + size);
        check(index >= 0 && index < treeSize, "index must be 0 to " + (treeSize - 1));
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** RFC 6962 PROOF(m, D[n]): the consistency proof from the tree of {@code from} to that of {@code to}. */
    public List<byte[]> consistencyProof(long from, long to) {
        check(to >= 1 && to <= size, "to must be 1 to " + size);
        check(from >= 1 && from <= to, "from must be 1 to " + to);
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
