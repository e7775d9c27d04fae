package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/** On appeal, a hidden idea is shown again. Revision 2 seals {@code reason}. */
@Revision("2")
public record IdeaRestored(String ideaId, SealedText reason, String moderatorPseudonym) {
}
