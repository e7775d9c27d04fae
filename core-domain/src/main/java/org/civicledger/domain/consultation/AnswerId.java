package org.civicledger.domain.consultation;

import org.civicledger.domain.person.Pseudonym;

/** One answer per person per consultation: {@code consultation-answer-<consultation>-<pseudonym>}. */
public record AnswerId(ConsultationId consultationId, Pseudonym respondent) {

    @Override
    public String toString() {
        return "consultation-answer-" + consultationId.value() + "-" + respondent.value();
    }
}
