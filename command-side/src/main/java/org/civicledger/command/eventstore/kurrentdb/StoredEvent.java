package org.civicledger.command.eventstore.kurrentdb;

import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.civicledger.domain.shared.IdempotentWrites;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Axon event as a KurrentDB record and back. The payload is the record's data (JSON from the event
 * serializer) and its type the payload's type name; what Axon needs besides — its event identifier,
 * aggregate type and sequence, timestamp, payload revision and message metadata — travels in the
 * record's metadata as a flat JSON object of strings, which both append paths (one stream and several)
 * carry unchanged.
 */
final class StoredEvent {

    /** Event metadata key: where the same key means the same write (a bench message), the record id is derived from it. */
    static final String IDEMPOTENCY_KEY = IdempotentWrites.KEY;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FLAT = new TypeReference<>() {
    };
    private static final String EVENT_ID = "axonEventId";
    private static final String AGGREGATE_ID = "axonAggregateId";
    private static final String AGGREGATE_TYPE = "axonAggregateType";
    private static final String SEQUENCE = "axonSequence";
    private static final String TIMESTAMP = "axonTimestamp";
    private static final String REVISION = "axonPayloadRevision";
    private static final String META_DATA = "axonMetaData";

    private StoredEvent() {
    }

    /** The record for {@code event}, as aggregate {@code aggregateId} at {@code sequence}. */
    static EventData toRecord(EventMessage<?> event, String aggregateId, long sequence, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put(EVENT_ID, event.getIdentifier());
        envelope.put(AGGREGATE_ID, aggregateId);
        if (event instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            envelope.put(AGGREGATE_TYPE, domain.getType());
        }
        envelope.put(SEQUENCE, Long.toString(sequence));
        envelope.put(TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp())); // milliseconds, as JDBC keeps them
        if (payload.getType().getRevision() != null) {
            envelope.put(REVISION, payload.getType().getRevision());
        }
        envelope.put(META_DATA, new String(metaData.getData(), StandardCharsets.UTF_8));
        return EventData.builderAsJson(recordId(event, aggregateId, sequence), payload.getType().getName(), payload.getData())
                .metadataAsBytes(JSON.writeValueAsBytes(envelope))
                .build();
    }

    /**
     * The record's id. Where the write is idempotent (the event carries an {@link #IDEMPOTENCY_KEY}, as a
     * bench message's events do), it is derived from the key and the position, so a retried append of the
     * same write carries the same ids and KurrentDB absorbs it; otherwise Axon's own event identifier.
     */
    static UUID recordId(EventMessage<?> event, String aggregateId, long sequence) {
        Object key = event.getMetaData().get(IDEMPOTENCY_KEY);
        if (key != null) {
            return UUID.nameUUIDFromBytes((key + "\n" + aggregateId + "\n" + sequence).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return UUID.fromString(event.getIdentifier());
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(event.getIdentifier().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The Axon event data a record holds. */
    static DomainEventData<byte[]> fromRecord(RecordedEvent record) {
        Map<String, String> envelope = JSON.readValue(record.getUserMetadata(), FLAT);
        String eventId = envelope.getOrDefault(EVENT_ID, record.getEventId().toString());
        String timestamp = envelope.getOrDefault(TIMESTAMP, record.getCreated().toString());
        long sequence = envelope.containsKey(SEQUENCE) ? Long.parseLong(envelope.get(SEQUENCE)) : record.getRevision();
        return new GenericDomainEventEntry<>(envelope.get(AGGREGATE_TYPE), envelope.get(AGGREGATE_ID), sequence, eventId,
                timestamp, record.getEventType(), envelope.get(REVISION), record.getEventData(),
                envelope.getOrDefault(META_DATA, "{}").getBytes(StandardCharsets.UTF_8));
    }

    /** When the event happened, by Axon's clock (a bulk load may date events in the past). */
    static Instant timestampOf(RecordedEvent record) {
        Map<String, String> envelope = JSON.readValue(record.getUserMetadata(), FLAT);
        String timestamp = envelope.get(TIMESTAMP);
        return timestamp == null ? record.getCreated() : Instant.parse(timestamp);
    }
}
