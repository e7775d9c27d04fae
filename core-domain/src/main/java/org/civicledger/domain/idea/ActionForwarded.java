package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** A CSO turned the idea into an action and forwarded it to the municipality. */
@Revision("1")
public record ActionForwarded(String ideaId, String csoId, String municipalityId, ActionKind kind, String description, String memberPseudonym) {
}
