package org.civicledger.domain.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.StateConflict;

/** The checks every answer passes, identified or anonymous: a real option, inside the window. */
final class ConsultationRules {

    private ConsultationRules() {
    }

    static void requireAnswerable(ConsultationWindow window, ConsultationId consultation, String optionId, Instant at) {
        requireAnswerable(standingOf(window, consultation), optionId, at);
    }

    /** The consultation as it stands now; not found if it was never opened. */
    static ConsultationStanding standingOf(ConsultationWindow window, ConsultationId consultation) {
        return window.standingOf(consultation).orElseThrow(() ->
                new AggregateNotFoundException(consultation.toString(), "No consultation " + consultation.value()));
    }

    static void requireAnswerable(ConsultationStanding standing, String optionId, Instant at) {
        if (optionId == null || !standing.optionIds().contains(optionId)) {
            throw new InvalidField("optionId", "must be one of " + new java.util.TreeSet<>(standing.optionIds()));
        }
        if (!standing.acceptsAnswersAt(at)) {
            throw new StateConflict(standing.describeAt(at), "Answers are accepted only while the consultation is open");
        }
    }
}
