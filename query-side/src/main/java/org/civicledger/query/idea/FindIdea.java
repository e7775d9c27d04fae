package org.civicledger.query.idea;

/** What do we know about this idea? Answers an {@link IdeaView}, or nothing. */
public record FindIdea(String ideaId) {
}
