package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** A CSO turned the idea into an action and forwarded it to the municipality. Revision 2 seals {@code description}. */
@Revision("2")
public record ActionForwarded(String ideaId, String csoId, String municipalityId, ActionKind kind,
        SealedText description, String memberPseudonym) {
}
