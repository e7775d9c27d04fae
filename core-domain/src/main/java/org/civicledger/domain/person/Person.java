package org.civicledger.domain.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/**
 * A participant's personal-data history, in the stream of their pseudonym in the personal-data context:
 * recorded sealed, erased by destroying their secret and keys. Legacy streams (from before per-context
 * pseudonyms) held data recorded and erased more than once; a person's stream now ends with its erasure.
 */
public class Person {

    @AggregateIdentifier
    private PersonId id;
    private boolean erased;

    protected Person() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordPersonalData command, TextVault vault) {
        if (erased) {
            throw new StateConflict("ERASED", "This person was erased");
        }
        apply(new PersonalDataRecorded(command.personId().pseudonym().value(), null, null,
                vault.seal(command.data().encode(), command.erasure())));
    }

    /**
     * Records that the person was erased: their secret and every key sealed under their erasure tag were
     * destroyed in the same transaction. Possible whether or not they recorded personal data (their texts
     * and profiles are theirs too); once per person stream, since a person who comes back after an erasure
     * acts under a new secret, so under a new stream.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ErasePersonalData command) {
        if (erased) {
            throw new StateConflict("ERASED", "This person was erased already");
        }
        apply(new PersonalDataErased(command.personId().pseudonym().value(), command.requestedBy(),
                command.actor().value()));
    }

    /** A stream from before per-context pseudonyms could record again after an erasure. */
    @EventSourcingHandler
    void on(PersonalDataRecorded event) {
        id = new PersonId(new Pseudonym(event.personPseudonym()));
        erased = false;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        id = new PersonId(new Pseudonym(event.personPseudonym()));
        erased = true;
    }
}
