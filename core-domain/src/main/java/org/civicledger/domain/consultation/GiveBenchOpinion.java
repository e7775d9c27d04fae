package org.civicledger.domain.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;

/**
 * A bench visitor, without an account, gives an anonymous opinion; one bench message is one opinion.
 * {@code benchMunicipality} is where the bench stands (from its registration): a bench speaks for the
 * people of its own municipality only.
 */
public record GiveBenchOpinion(@TargetAggregateIdentifier BenchOpinionId opinionId, ConsultationId consultationId,
        String optionId, String benchId, MunicipalityId benchMunicipality, Instant now) {
}
