package org.civicledger.domain.person;

import org.civicledger.domain.shared.InvalidField;

/**
 * The stable, non-reversible name of a person inside events. Events never carry the token subject
 * itself; the command side derives the pseudonym with a keyed hash.
 */
public record Pseudonym(String value) {

    public Pseudonym {
        if (value == null || !value.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new InvalidField("pseudonym", "must be 16 to 64 base64url characters");
        }
    }

    /**
     * The name a bench acts under when it passes on what an anonymous visitor left: derived from
     * the bench id, so it is stable, and no person's.
     */
    public static Pseudonym ofBench(String benchId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("bench:" + benchId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Pseudonym("bench_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
                    .substring(0, 32));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
