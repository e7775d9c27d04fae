package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** Moderation hid the idea from public view; its history is kept whole. */
@Revision("1")
public record IdeaHidden(String ideaId, String reason, String moderatorPseudonym) {
}
