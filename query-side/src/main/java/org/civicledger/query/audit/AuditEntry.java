package org.civicledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded event as an auditor sees it: its stream and place in it, when, who (pseudonym) in which
 * role(s), why (the reason, rationale, note or conclusion it carries), the whole event with its texts
 * opened (or withheld, with why), and its place in the public transparency log (null until the log has
 * taken it in). {@code payload} is the event itself, for folding, and is not shown.
 */
public record AuditEntry(String stream, long sequence, String eventId, String type, int revision, Instant at,
                         String actorPseudonym, List<String> actorRoles, String rationale, Object event,
                         LogPlace transparency, @com.fasterxml.jackson.annotation.JsonIgnore Object payload) {

    /**
     * The event's entry in the transparency log, and the proof of its inclusion in the newest signed
     * checkpoint (null until a checkpoint covers it).
     */
    public record LogPlace(long logIndex, String entry, String inclusionProof) {
    }

    AuditEntry inLog(LogPlace place) {
        return new AuditEntry(stream, sequence, eventId, type, revision, at, actorPseudonym, actorRoles, rationale, event,
                place, payload);
    }
}
