package org.civicledger.domain.idea;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * Moderation redacted one text of one version of the idea (its title or description, for instance a
 * phone number left in it): the text's key was destroyed with this event, so the text and its salt are
 * gone from every replay and from beside the transparency log, whose entry and hashes stay as they were.
 *
 * @param version the idea version whose text was redacted (1 for the submission, then each amendment)
 * @param field   {@code title} or {@code description}
 */
@Revision("1")
public record IdeaTextRedacted(String ideaId, int version, String field, SealedText reason, String moderatorPseudonym) {
}
