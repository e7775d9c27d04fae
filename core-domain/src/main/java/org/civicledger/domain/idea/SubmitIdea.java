package org.civicledger.domain.idea;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.Pseudonym;

/**
 * A citizen leaves an idea for a municipality, optionally for one of its local communities; on a bench,
 * {@code benchId} names it. {@code author} carries the author's pseudonym in the idea's context.
 */
public record SubmitIdea(
        @TargetAggregateIdentifier IdeaId ideaId,
        MunicipalityId municipalityId,
        LocalCommunity localCommunity,
        Topic topic,
        Title title,
        Description description,
        Language language,
        Channel channel,
        Participant author,
        String benchId) {

    /** An idea a bench passes on from an anonymous visitor, named by the bench's pseudonym. */
    public SubmitIdea(IdeaId ideaId, MunicipalityId municipalityId, LocalCommunity localCommunity, Topic topic,
                      Title title, Description description, Language language, Channel channel, Pseudonym author,
                      String benchId) {
        this(ideaId, municipalityId, localCommunity, topic, title, description, language, channel,
                Participant.anonymous(author), benchId);
    }

    public SubmitIdea {
        Objects.requireNonNull(ideaId, "ideaId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(author, "author");
    }
}
