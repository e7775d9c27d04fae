package org.civicledger.domain.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.NotPermitted;

/**
 * An anonymous opinion from a bench, one per bench message. The same message delivered again is
 * absorbed without a second event and without an error, so the bench is acknowledged either way; the
 * command answers whether this delivery recorded it. A bench gives opinions only on its own
 * municipality's consultations: it stands among that municipality's people, and an opinion counted
 * elsewhere would be a voice from outside.
 */
public class BenchOpinion {

    @AggregateIdentifier
    private String id;

    protected BenchOpinion() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(GiveBenchOpinion command, ConsultationWindow window) {
        if (id != null) {
            return false; // a redelivery of a message already counted
        }
        ConsultationStanding consultation = ConsultationRules.standingOf(window, command.consultationId());
        if (!consultation.municipalityId().equals(command.benchMunicipality().slug())) {
            throw new NotPermitted("The bench stands in " + command.benchMunicipality().slug()
                    + "; the consultation asks the people of " + consultation.municipalityId());
        }
        ConsultationRules.requireAnswerable(consultation, command.optionId(), command.now());
        apply(new BenchOpinionGiven(command.opinionId().messageId().toString(),
                command.consultationId().value().toString(), command.optionId(), command.benchId()));
        return true;
    }

    @EventSourcingHandler
    void on(BenchOpinionGiven event) {
        id = "bench-opinion-" + event.opinionId();
    }
}
