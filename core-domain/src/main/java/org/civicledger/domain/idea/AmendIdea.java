package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.Pseudonym;

/**
 * The author changes an idea after a CSO asked for changes. {@code author} is who asks, by their pseudonym
 * in the idea's context; {@code earlierAuthor} the person-wide pseudonym ideas were submitted under before
 * per-context pseudonyms (null when there is none), so that the author of an older idea is still known.
 */
public record AmendIdea(@TargetAggregateIdentifier IdeaId ideaId, LocalCommunity localCommunity, Topic topic, Title title,
                        Description description, Language language, Participant author, Pseudonym earlierAuthor) {

    /** An amendment by someone with no earlier pseudonym to be known by. */
    public AmendIdea(IdeaId ideaId, LocalCommunity localCommunity, Topic topic, Title title, Description description,
                     Language language, Participant author) {
        this(ideaId, localCommunity, topic, title, description, language, author, null);
    }

    /** Whether the one asking is the idea's author, under either name. */
    boolean isBy(String authorPseudonym) {
        return author.pseudonym().value().equals(authorPseudonym)
                || earlierAuthor != null && earlierAuthor.value().equals(authorPseudonym);
    }
}
