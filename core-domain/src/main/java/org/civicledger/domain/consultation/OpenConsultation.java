package org.civicledger.domain.consultation;

import java.time.Instant;
import java.util.List;
import org.civicledger.domain.idea.IdeaId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A municipal officer asks (optionally about one of its citizens' ideas) the citizens of their municipality a question with options, for a time window. */
public record OpenConsultation(@TargetAggregateIdentifier ConsultationId consultationId, MunicipalityId actingFor,
        MultilingualText question, List<ConsultationOption> options, Instant opensAt, Instant closesAt, Instant now,
        Pseudonym officer, IdeaId aboutIdea) {
}
