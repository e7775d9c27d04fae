package org.civicledger.domain.person;

import java.util.Objects;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;

/**
 * Who takes part in an act, as a command tells the aggregate: their pseudonym in this act's context
 * (one per idea, per consultation — never the same across contexts), and, for a signed-in person, the
 * {@link ErasureTag} their texts and profile are sealed with and the {@link Profile} they had stated.
 * A bench passes on what an anonymous visitor left: it has neither.
 */
public record Participant(Pseudonym pseudonym, ErasureTag erasure, Profile profile) {

    public Participant {
        Objects.requireNonNull(pseudonym, "pseudonym");
    }

    /** An anonymous visitor of a bench, named by the bench. */
    public static Participant anonymous(Pseudonym pseudonym) {
        return new Participant(pseudonym, null, null);
    }

    /** The profile sealed for the act's event, or null when there is none to tell. */
    public SealedText sealedProfile(TextVault vault) {
        return profile == null || erasure == null ? null : vault.seal(profile.encode(), erasure);
    }
}
