package org.civicledger.query.idea;

import java.time.Instant;

/** The public read model of one idea ({@code GET /api/v1/ideas/{id}}). */
public record IdeaView(
        String ideaId,
        String municipalityId,
        String localCommunity,
        String topic,
        String title,
        String description,
        String language,
        String channel,
        String status,
        Instant submittedAt) {
}
