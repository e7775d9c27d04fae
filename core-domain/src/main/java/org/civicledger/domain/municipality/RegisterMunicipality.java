package org.civicledger.domain.municipality;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.domain.shared.Text;

/** Registers a municipality so that ideas can be left for it. Registering it again changes nothing. */
public record RegisterMunicipality(@TargetAggregateIdentifier MunicipalityId municipalityId, String name) {

    public RegisterMunicipality {
        if (municipalityId == null) {
            throw new org.civicledger.domain.shared.InvalidField("municipalityId", "is required");
        }
        name = Text.require("name", name, 2, 100, false);
    }
}
