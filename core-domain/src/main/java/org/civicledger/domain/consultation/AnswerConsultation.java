package org.civicledger.domain.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A signed-in citizen answers a consultation: one answer per person. */
public record AnswerConsultation(@TargetAggregateIdentifier AnswerId answerId, String optionId, Instant now) {
}
