package org.civicledger.query.idea;

import java.time.Instant;
import java.util.List;

/**
 * The public read model of one idea ({@code GET /api/v1/ideas/{id}}). People appear only as the
 * organisation or municipality they acted for, never by identity or pseudonym. While moderation
 * hides an idea, its title and description are withheld and the reason is shown instead; a text that
 * was redacted, or whose author was erased, is withheld for good. {@code withheld} names each withheld
 * text of the current version and why: HIDDEN, REDACTED or ERASED.
 */
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
        int version,
        Instant submittedAt,
        Votes votes,
        List<Validation> validations,
        Action action,
        Response response,
        Progress progress,
        Moderation moderation,
        java.util.Map<String, String> withheld,
        org.civicledger.query.disclosure.Disclosure.Marker disclosure) {

    /**
     * Identified votes that stand (one per signed-in person), and anonymous bench opinions given in
     * consultations about this idea — counted apart, never added together. A count from 1 to 4 is
     * withheld (null), as {@code disclosure} says.
     */
    public record Votes(Long identified, Long anonymousOpinions) {
    }

    /** A CSO's view of one version of the idea; {@code current} is false once that CSO gave a later one. */
    public record Validation(String csoId, String decision, String reason, int ideaVersion, boolean current, Instant at) {
    }

    public record Action(String csoId, String kind, String description, Instant forwardedAt) {
    }

    public record Response(String decision, String rationale, String department, Instant answeredAt) {
    }

    public record Progress(int percent, String note, Instant reportedAt) {
    }

    public record Moderation(boolean hidden, String reason, Instant at) {
    }
}
