package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * The author published a new version of the idea; earlier versions stay in history. CSOs validate the
 * new version afresh. Revision 2 seals {@code title} and {@code description}.
 */
@Revision("2")
public record IdeaAmended(String ideaId, int version, String localCommunity, String topic, SealedText title,
        SealedText description, String language, String authorPseudonym) {
}
