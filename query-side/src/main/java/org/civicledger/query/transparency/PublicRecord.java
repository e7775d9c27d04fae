package org.civicledger.query.transparency;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public record of one stored event, as the transparency log holds it (contract section 5), in entry
 * format 2: {@code format}, log index, event id, event type, aggregate type, id and sequence, timestamp,
 * and the event's data in which every text — free text, contact data, personal data — is only its salted
 * digest ({@code {"digest": "…"}}) and an act's sealed profile is left out. People appear under their
 * pseudonym in that event's context only. Destroying a text's key (redaction, erasure) changes no entry.
 * Entries of format 1, written before, carried texts in clear and have no {@code format}; they stay as
 * they were (docs/transparency.md).
 */
public final class PublicRecord {

    static final String DOMAIN_PACKAGE = "org.civicledger.domain.";

    private PublicRecord() {
    }

    /** The entry format this code writes. */
    public static final int FORMAT = 2;

    public static byte[] entry(long logIndex, EventMessage<?> event) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format", FORMAT);
        record.put("logIndex", logIndex);
        record.put("eventId", event.getIdentifier());
        record.put("eventType", eventType(event.getPayloadType().getName()));
        if (event instanceof DomainEventMessage<?> domain) {
            record.put("aggregateType", domain.getType());
            record.put("aggregateId", domain.getAggregateIdentifier());
            record.put("aggregateSequence", domain.getSequenceNumber());
        } else {
            record.put("aggregateType", null);
            record.put("aggregateId", null);
            record.put("aggregateSequence", null);
        }
        record.put("timestamp", event.getTimestamp().toString());
        record.put("data", withoutPersonalData(CanonicalJson.tree(event.getPayload())));
        return CanonicalJson.write(record);
    }

    /** {@code idea.IdeaSubmitted} for {@code org.civicledger.domain.idea.IdeaSubmitted}, as events.md names them. */
    static String eventType(String className) {
        return className.startsWith(DOMAIN_PACKAGE) ? className.substring(DOMAIN_PACKAGE.length()) : className;
    }

    private static JsonNode withoutPersonalData(JsonNode data) {
        JsonNode committed = EventTexts.replaced(data, (pointer, text) -> EventTexts.leftOut(pointer) ? null
                : JsonNodeFactory.instance.objectNode().put("digest", EventTexts.digest(text)));
        if (committed instanceof ObjectNode object) {
            object.remove("ciphertext"); // personal data sealed as it was before texts were
            object.remove("profile"); // present or not, so that its absence tells nothing either
        }
        return committed;
    }
}
