package org.civicledger.domain.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.StateConflict;

/** One person's answer to one consultation; its stream exists once, so a second answer is refused. */
public class ConsultationAnswer {

    @AggregateIdentifier
    private String id;

    protected ConsultationAnswer() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AnswerConsultation command, ConsultationWindow window) {
        if (id != null) {
            throw new StateConflict("ANSWERED", "This person has already answered this consultation");
        }
        ConsultationRules.requireAnswerable(window, command.answerId().consultationId(), command.optionId(), command.now());
        apply(new ConsultationAnswered(command.answerId().consultationId().value().toString(), command.optionId(),
                command.answerId().respondent().value()));
    }

    @EventSourcingHandler
    void on(ConsultationAnswered event) {
        id = "consultation-answer-" + event.consultationId() + "-" + event.respondentPseudonym();
    }
}
