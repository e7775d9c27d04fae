package org.civicledger.domain.vote;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A person supported an idea (again, if they had withdrawn). {@code voterPseudonym} is the person's
 * pseudonym in this idea's context. {@code profile} (added compatibly: events stored before it read
 * as null) is the voter's stated profile, sealed, or null.
 */
@Revision("1")
public record VoteCast(String ideaId, String voterPseudonym, SealedText profile) {

    /** A vote of someone who stated no profile. */
    public VoteCast(String ideaId, String voterPseudonym) {
        this(ideaId, voterPseudonym, null);
    }
}
