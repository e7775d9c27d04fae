package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/** An appeal succeeds: a moderator shows a hidden idea again, with a reason. */
public record RestoreIdea(@TargetAggregateIdentifier IdeaId ideaId, Reason reason, Pseudonym moderator) {
}
