package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** Implementation of the idea was reported complete. */
@Revision("1")
public record IdeaCompleted(String ideaId) {
}
