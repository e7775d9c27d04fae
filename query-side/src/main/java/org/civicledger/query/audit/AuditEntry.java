package org.civicledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded event as an auditor sees it: its place in the stream, when, who (pseudonym) in which
 * role(s), why (the reason, rationale, note or conclusion it carries), and the whole event.
 */
public record AuditEntry(long sequence, String eventId, String type, int revision, Instant at, String actorPseudonym,
                         List<String> actorRoles, String rationale, Object event) {
}
