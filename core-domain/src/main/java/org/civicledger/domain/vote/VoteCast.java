package org.civicledger.domain.vote;

import org.axonframework.serialization.Revision;

/** A person supported an idea (again, if they had withdrawn). */
@Revision("1")
public record VoteCast(String ideaId, String voterPseudonym) {
}
