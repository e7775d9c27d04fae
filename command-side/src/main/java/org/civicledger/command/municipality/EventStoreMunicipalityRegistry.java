package org.civicledger.command.municipality;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A municipality is registered when its stream exists in the event store: one indexed lookup,
 * always as current as the write it guards (no projection lag).
 */
@Component
class EventStoreMunicipalityRegistry implements MunicipalityRegistry {

    private final EventStore events;

    EventStoreMunicipalityRegistry(@Lazy EventStore events) {
        this.events = events;
    }

    @Override
    public boolean isRegistered(MunicipalityId municipalityId) {
        return events.lastSequenceNumberFor(municipalityId.toString()).isPresent();
    }
}
