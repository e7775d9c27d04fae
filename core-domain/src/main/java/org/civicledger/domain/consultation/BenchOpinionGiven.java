package org.civicledger.domain.consultation;

import org.axonframework.serialization.Revision;

/** An anonymous opinion from a bench, counted apart from identified answers. */
@Revision("1")
public record BenchOpinionGiven(String opinionId, String consultationId, String optionId, String benchId) {
}
