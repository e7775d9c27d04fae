package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Participant;

/** The author changes an idea after a CSO asked for changes. */
public record AmendIdea(@TargetAggregateIdentifier IdeaId ideaId, LocalCommunity localCommunity, Topic topic, Title title, Description description, Language language, Participant author) {
}
