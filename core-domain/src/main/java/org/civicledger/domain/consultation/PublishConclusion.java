package org.civicledger.domain.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A municipal officer publishes what the municipality concluded from a consultation's answers. */
public record PublishConclusion(@TargetAggregateIdentifier ConsultationId consultationId, MunicipalityId actingFor,
        String conclusion, Instant now, Pseudonym officer) {
}
