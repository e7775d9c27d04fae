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

    @Override
    public String toString() {
        return value;
    }
}
