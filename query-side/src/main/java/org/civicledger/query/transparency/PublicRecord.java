package org.civicledger.query.transparency;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public record of one stored event, as the transparency log holds it (contract section 5): log
 * index, event id, event type, aggregate type, id and sequence, timestamp, and the event's data with
 * personal data left out. The only personal data events carry is the sealed personal data of
 * {@code person.PersonalDataRecorded}: its ciphertext stays out, its digest goes in; pseudonyms are not
 * personal data in the clear. Erasing a person's key therefore changes no entry.
 */
public final class PublicRecord {

    static final String DOMAIN_PACKAGE = "org.civicledger.domain.";

    private PublicRecord() {
    }

    public static byte[] entry(long logIndex, EventMessage<?> event) {
        Map<String, Object> record = new LinkedHashMap<>();
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
        if (data instanceof ObjectNode object && object.has("ciphertext")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("ciphertext");
            return copy;
        }
        return data;
    }
}
