package org.civicledger.query.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a C2SP signed note against a verifier key ({@code <name>+<hex key id>+<base64(0x01 || key)>}),
 * and reads the checkpoint it carries. What a donor's tool does; the {@code verify} command uses it.
 */
public final class NoteVerifier {

    /** A verified checkpoint. */
    public record Checkpoint(String origin, long treeSize, byte[] root, String note) {
    }

    private final String name;
    private final byte[] keyId;
    private final byte[] publicKey;

    public NoteVerifier(String verifierKey) {
        String[] parts = verifierKey.trim().split("\\+", 3); // the base64 key may itself hold a +
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<hex key id>+<base64 key>");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != 0x01) {
            throw new IllegalArgumentException("not an Ed25519 verifier key");
        }
        this.name = parts[0];
        this.keyId = HexFormat.of().parseHex(parts[1]);
        this.publicKey = Arrays.copyOfRange(typed, 1, 33);
        if (!Arrays.equals(keyId, NoteSigner.keyId(name, publicKey))) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
    }

    /** The checkpoint of {@code note} if a signature line by this key verifies; otherwise an exception saying why. */
    public Checkpoint checkpoint(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        boolean verified = false;
        for (String line : note.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + name + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] signature = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (signature.length == 4 + Ed25519.SIGNATURE_SIZE && Arrays.equals(Arrays.copyOf(signature, 4), keyId)) {
                byte[] message = text.getBytes(StandardCharsets.UTF_8);
                verified |= Ed25519.verify(signature, 4, publicKey, 0, message, 0, message.length);
            }
        }
        if (!verified) {
            throw new IllegalArgumentException("no valid signature by " + name + " on the checkpoint");
        }
        String[] lines = text.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), note);
    }
}
