package org.civicledger.domain.cso;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One stream per registration number ({@code cso-registration-<number>}): created in the same
 * transaction as the CSO it names, so the event store's unique stream key refuses a second CSO
 * with that number — across threads and instances alike.
 */
public class RegistrationNumberClaim {

    @AggregateIdentifier
    private String id;

    protected RegistrationNumberClaim() {
        // for Axon
    }

    RegistrationNumberClaim(RegistrationNumber number, CsoId csoId) {
        apply(new CsoRegistrationNumberClaimed(number.canonical(), csoId.value().toString()));
    }

    public static String streamOf(RegistrationNumber number) {
        return "cso-registration-" + number.canonical();
    }

    @EventSourcingHandler
    void on(CsoRegistrationNumberClaimed event) {
        id = "cso-registration-" + event.canonicalNumber();
    }
}
