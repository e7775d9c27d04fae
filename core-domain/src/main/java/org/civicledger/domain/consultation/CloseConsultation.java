package org.civicledger.domain.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A municipal officer closes a consultation, at or before the end of its window. */
public record CloseConsultation(@TargetAggregateIdentifier ConsultationId consultationId, MunicipalityId actingFor,
        Pseudonym officer) {
}
