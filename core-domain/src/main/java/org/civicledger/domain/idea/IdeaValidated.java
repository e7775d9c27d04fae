package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/** Enough CSOs endorsed the idea: the quorum in force was reached. */
@Revision("1")
public record IdeaValidated(String ideaId, java.util.List<String> endorsingCsoIds, int quorum) {
}
