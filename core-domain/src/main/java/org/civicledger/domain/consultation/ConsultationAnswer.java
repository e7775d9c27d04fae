package org.civicledger.domain.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/** One person's answer to one consultation; its stream exists once, so a second answer is refused. */
public class ConsultationAnswer {

    @AggregateIdentifier
    private String id;

    protected ConsultationAnswer() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AnswerConsultation command, ConsultationWindow window, TextVault vault) {
        if (id != null) {
            throw new StateConflict("ANSWERED", "This person has already answered this consultation");
        }
        ConsultationStanding consultation = ConsultationRules.standingOf(window, command.answerId().consultationId());
        ConsultationRules.requireAnswerable(consultation, command.optionId(), command.now());
        if (command.actsSince() != null && consultation.opensAt().isBefore(command.actsSince())) {
            throw new StateConflict("ERASED_BEFORE", "This person's earlier data was erased after this consultation "
                    + "opened; an earlier answer of theirs, if any, can no longer be told apart, so they cannot answer it");
        }
        apply(new ConsultationAnswered(command.answerId().consultationId().value().toString(), command.optionId(),
                command.answerId().respondent().value(), command.respondent().sealedProfile(vault)));
    }

    @EventSourcingHandler
    void on(ConsultationAnswered event) {
        id = "consultation-answer-" + event.consultationId() + "-" + event.respondentPseudonym();
    }
}
