package org.civicledger.domain.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.StateConflict;

/** A participant's personal-data history: recorded sealed, erased by destroying the key. */
public class Person {

    @AggregateIdentifier
    private PersonId id;
    private boolean holdsData;

    protected Person() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordPersonalData command) {
        apply(new PersonalDataRecorded(command.personId().pseudonym().value(), command.data().ciphertext(),
                command.data().digest()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ErasePersonalData command) {
        if (!holdsData) {
            throw new StateConflict(id == null ? "NO_DATA" : "ERASED", "There is no personal data to erase");
        }
        apply(new PersonalDataErased(command.personId().pseudonym().value(), command.requestedBy(),
                command.actor().value()));
    }

    @EventSourcingHandler
    void on(PersonalDataRecorded event) {
        id = new PersonId(new Pseudonym(event.personPseudonym()));
        holdsData = true;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        holdsData = false;
    }
}
