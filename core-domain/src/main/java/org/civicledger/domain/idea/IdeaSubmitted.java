package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;

/**
 * A citizen left an idea. Part of the public contract: fields are only ever added, and a change of
 * shape gets a new revision and an upcaster.
 *
 * @param ideaId          the idea's UUID
 * @param municipalityId  the municipality's slug
 * @param localCommunity  the local community (MZ) name, or {@code null} for the whole municipality
 * @param topic           a topic slug
 * @param language        a BCP 47 tag: bs, hr, sr, sr-Cyrl or en
 * @param channel         WEB or BENCH
 * @param authorPseudonym the author's pseudonym, never the raw identity; for a bench idea the bench's
 * @param benchId         the bench it was left on, or {@code null} on the web (added compatibly: events
 *                        stored before it read as null)
 */
@Revision("1")
public record IdeaSubmitted(
        String ideaId,
        String municipalityId,
        String localCommunity,
        String topic,
        String title,
        String description,
        String language,
        Channel channel,
        String authorPseudonym,
        String benchId) {
}
