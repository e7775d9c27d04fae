package org.civicledger.app;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What a running system's event store holds, asked through Axon rather than by SQL, so the suites
 * check the same thing on every engine (PostgreSQL or KurrentDB).
 */
final class StoredEvents {

    private StoredEvents() {
    }

    /** The events of one aggregate's stream. */
    static long of(RunningSystem system, String aggregateId) {
        try (Stream<? extends DomainEventMessage<?>> events = system.bean(EventStore.class).readEvents(aggregateId).asStream()) {
            return events.count();
        }
    }

    /** The events of one aggregate's stream whose payload type is named {@code payloadType} (simple name). */
    static long of(RunningSystem system, String aggregateId, String payloadType) {
        try (Stream<? extends DomainEventMessage<?>> events = system.bean(EventStore.class).readEvents(aggregateId).asStream()) {
            return events.filter(e -> e.getPayloadType().getSimpleName().equals(payloadType)).count();
        }
    }

    /** Every stored event, in the order of the log. */
    static List<DomainEventMessage<?>> all(RunningSystem system) {
        try (Stream<? extends TrackedEventMessage<?>> events = system.bean(EventStorageEngine.class).readEvents(null, false)) {
            return events.filter(e -> e instanceof DomainEventMessage<?>).map(e -> (DomainEventMessage<?>) e)
                    .collect(Collectors.toList());
        }
    }

    /** How many stored events match. */
    static long count(RunningSystem system, Predicate<DomainEventMessage<?>> which) {
        return all(system).stream().filter(which).count();
    }

    /** An event exactly as the engine stores it: the bytes of payload and metadata, not what Axon makes of them. */
    record Raw(String id, String type, byte[] payload, byte[] metaData) {
        String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8)
                    + new String(metaData, java.nio.charset.StandardCharsets.UTF_8);
        }

        String payloadDigest() {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(payload));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every stored event as stored, in the order of the log: rows of PostgreSQL, or records of KurrentDB. */
    static List<Raw> raw(RunningSystem system) throws Exception {
        if (system.bean(EventStorageEngine.class) instanceof org.civicledger.command.eventstore.kurrentdb.KurrentDbStorageEngine) {
            io.kurrent.dbclient.KurrentDBClient client = system.bean(io.kurrent.dbclient.KurrentDBClient.class);
            String prefix = system.bean(org.civicledger.command.eventstore.KurrentDbSettings.class).streamPrefix();
            List<Raw> stored = new java.util.ArrayList<>();
            io.kurrent.dbclient.Position from = null;
            while (true) {
                io.kurrent.dbclient.ReadAllOptions options = io.kurrent.dbclient.ReadAllOptions.get().forwards().maxCount(1000);
                List<io.kurrent.dbclient.ResolvedEvent> page = client.readAll(from == null ? options.fromStart()
                        : options.fromPosition(from)).get().getEvents();
                for (io.kurrent.dbclient.ResolvedEvent resolved : page) {
                    io.kurrent.dbclient.RecordedEvent record = resolved.getOriginalEvent();
                    if (record.getStreamId().startsWith(prefix) && !record.getPosition().equals(from)) {
                        stored.add(new Raw(record.getEventId().toString(), record.getEventType(), record.getEventData(),
                                record.getUserMetadata()));
                    }
                }
                if (page.size() < 1000) {
                    return stored;
                }
                from = page.get(page.size() - 1).getOriginalEvent().getPosition();
            }
        }
        return new org.springframework.jdbc.core.JdbcTemplate(system.bean(javax.sql.DataSource.class)).query(
                "select event_identifier, payload_type, payload, meta_data from domain_event_entry order by global_index",
                (rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
    }

    /** Whether an event's aggregate starts with {@code prefix} and its payload type is named {@code payloadType}. */
    static Predicate<DomainEventMessage<?>> in(String prefix, String payloadType) {
        return e -> e.getAggregateIdentifier().startsWith(prefix)
                && (payloadType == null || e.getPayloadType().getSimpleName().equals(payloadType));
    }
}
