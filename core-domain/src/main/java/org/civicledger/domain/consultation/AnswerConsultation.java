package org.civicledger.domain.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.person.Participant;

/**
 * A signed-in citizen answers a consultation: one answer per person. {@code respondent}'s pseudonym in
 * the consultation's context is the answer's; {@code actsSince} is when the person's current secret
 * began if an earlier one was erased (null otherwise): consultations opened before then are closed to them.
 */
public record AnswerConsultation(@TargetAggregateIdentifier AnswerId answerId, String optionId, Instant now,
        Participant respondent, Instant actsSince) {

    /** An answer of someone never erased who stated no profile. */
    public AnswerConsultation(AnswerId answerId, String optionId, Instant now) {
        this(answerId, optionId, now, Participant.anonymous(answerId.respondent()), null);
    }
}
