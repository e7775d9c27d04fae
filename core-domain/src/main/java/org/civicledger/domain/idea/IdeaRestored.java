package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** On appeal, a hidden idea is shown again. */
@Revision("1")
public record IdeaRestored(String ideaId, String reason, String moderatorPseudonym) {
}
