package org.civicledger.domain.person;

import java.util.Objects;

/** A person's stream ({@code person-<pseudonym>}): their personal-data history, never their identity. */
public record PersonId(Pseudonym pseudonym) {

    public PersonId {
        Objects.requireNonNull(pseudonym, "pseudonym");
    }

    @Override
    public String toString() {
        return "person-" + pseudonym.value();
    }
}
