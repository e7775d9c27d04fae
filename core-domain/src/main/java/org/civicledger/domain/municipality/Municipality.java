package org.civicledger.domain.municipality;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A local self-government unit (JLS). Its only invariant so far: it is registered once. */
public class Municipality {

    @AggregateIdentifier
    private MunicipalityId id;

    protected Municipality() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterMunicipality command) {
        if (id != null) {
            return; // already registered: registering again is a no-op, so seeding is idempotent
        }
        apply(new MunicipalityRegistered(command.municipalityId().slug(), command.name()));
    }

    @EventSourcingHandler
    void on(MunicipalityRegistered event) {
        id = new MunicipalityId(event.municipalityId());
    }
}
