package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** A moderator hides an idea from public view, with a reason. Nothing is deleted. */
public record HideIdea(@TargetAggregateIdentifier IdeaId ideaId, Reason reason, Pseudonym moderator) {
}
