package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** The author published a new version of the idea; earlier versions stay in history. CSOs validate the new version afresh. */
@Revision("1")
public record IdeaAmended(String ideaId, int version, String localCommunity, String topic, String title, String description, String language, String authorPseudonym) {
}
