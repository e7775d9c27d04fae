package org.civicledger.domain.idea;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A municipal officer reports how far an accepted idea has been carried out. */
public record ReportProgress(@TargetAggregateIdentifier IdeaId ideaId, MunicipalityId actingFor, int percent, String note, Pseudonym officer) {
}
