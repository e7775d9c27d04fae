package org.civicledger.query.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs checkpoints as C2SP signed notes (c2sp.org/signed-note) with an Ed25519 key: the key name is the
 * log's origin; the key id is the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)};
 * each signature line is {@code — <name> <base64(key id || signature)>}.
 */
public final class NoteSigner {

    private static final byte ED25519 = 0x01;

    private final String name;
    private final byte[] seed;
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final byte[] keyId;

    public NoteSigner(String name, byte[] seed) {
        if (name == null || name.isBlank() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("civic.transparency.origin must be non-empty, without spaces or '+'");
        }
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("the transparency log's signing key is a 32-byte Ed25519 seed");
        }
        this.name = name;
        this.seed = seed.clone();
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        this.keyId = keyId(name, publicKey);
    }

    static byte[] keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            return Arrays.copyOf(sha.digest(publicKey), 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /** {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
    public String verifierKey() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The signed note of {@code text} (which ends in a newline): the text, a blank line, the signature line. */
    public String sign(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[4 + Ed25519.SIGNATURE_SIZE];
        System.arraycopy(keyId, 0, signature, 0, 4);
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 4);
        return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** A C2SP tlog-checkpoint body: origin, tree size, base64 root hash, each on its line. */
    public static String checkpoint(String origin, long treeSize, byte[] root) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }
}
