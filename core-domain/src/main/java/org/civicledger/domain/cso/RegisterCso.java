package org.civicledger.domain.cso;

import java.util.List;
import java.util.Objects;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;

/** A civil-society organisation asks to join the Network for Participatory Democracy. */
public record RegisterCso(
        CsoId csoId,
        String name,
        RegistrationNumber registrationNumber,
        List<MunicipalityId> municipalityIds,
        List<String> focusAreas,
        String contactEmail,
        Pseudonym registrant) {

    public RegisterCso {
        Objects.requireNonNull(csoId, "csoId");
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(registrant, "registrant");
        municipalityIds = List.copyOf(municipalityIds);
        focusAreas = List.copyOf(focusAreas);
    }
}
