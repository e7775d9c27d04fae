package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;

/**
 * A moderator redacts one text of an idea for good (its title or description; {@code version} null for
 * the current version), with a reason: its key is destroyed.
 */
public record RedactIdeaText(@TargetAggregateIdentifier IdeaId ideaId, Integer version, String field, Reason reason,
        Pseudonym moderator) {
}
