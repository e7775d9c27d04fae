package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** Moderation hid the idea from public view; its history is kept whole. Revision 2 seals {@code reason}. */
@Revision("2")
public record IdeaHidden(String ideaId, SealedText reason, String moderatorPseudonym) {
}
