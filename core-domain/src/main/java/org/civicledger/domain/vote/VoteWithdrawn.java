package org.civicledger.domain.vote;

import org.axonframework.serialization.Revision;

/** A person took their support for an idea back. */
@Revision("1")
public record VoteWithdrawn(String ideaId, String voterPseudonym) {
}
