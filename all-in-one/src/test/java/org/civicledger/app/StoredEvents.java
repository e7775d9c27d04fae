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

    /** Whether an event's aggregate starts with {@code prefix} and its payload type is named {@code payloadType}. */
    static Predicate<DomainEventMessage<?>> in(String prefix, String payloadType) {
        return e -> e.getAggregateIdentifier().startsWith(prefix)
                && (payloadType == null || e.getPayloadType().getSimpleName().equals(payloadType));
    }
}
