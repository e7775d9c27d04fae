package org.civicledger.domain.bench;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** An administrator registers a smart bench: its municipality, where it stands, and the public key it signs with. */
public record RegisterBench(@TargetAggregateIdentifier BenchId benchId, MunicipalityId municipalityId, Location location,
        BenchKey publicKey, Pseudonym admin) {
}
