package org.civicledger.domain.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A bench visitor, without an account, gives an anonymous opinion; one bench message is one opinion. */
public record GiveBenchOpinion(@TargetAggregateIdentifier BenchOpinionId opinionId, ConsultationId consultationId,
        String optionId, String benchId, Instant now) {
}
