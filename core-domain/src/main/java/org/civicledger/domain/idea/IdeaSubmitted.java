package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A citizen left an idea. Part of the public contract: fields are only ever added, and a change of
 * shape gets a new revision and an upcaster. Revision 2 seals {@code title} and {@code description}
 * (revision 1 kept them as plain strings) and adds {@code profile}.
 *
 * @param ideaId          the idea's UUID
 * @param municipalityId  the municipality's slug
 * @param localCommunity  the local community (MZ) name, or {@code null} for the whole municipality
 * @param topic           a topic slug
 * @param language        a BCP 47 tag: bs, hr, sr, sr-Cyrl or en
 * @param channel         WEB or BENCH
 * @param authorPseudonym the author's pseudonym in this idea's context, never the raw identity and never
 *                        the same in two contexts; for a bench idea the bench's
 * @param benchId         the bench it was left on, or {@code null} on the web
 * @param profile         the author's stated profile, sealed (web ideas of people who stated one), or null
 */
@Revision("2")
public record IdeaSubmitted(
        String ideaId,
        String municipalityId,
        String localCommunity,
        String topic,
        SealedText title,
        SealedText description,
        String language,
        Channel channel,
        String authorPseudonym,
        String benchId,
        SealedText profile) {
}
