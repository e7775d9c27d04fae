package org.civicledger.domain.eloge;

import java.util.Objects;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.InvalidField;

/** A municipality's ELoGE assessment of one year: {@code eloge-<municipality>-<year>}. */
public record AssessmentId(MunicipalityId municipalityId, int year) {

    public AssessmentId {
        Objects.requireNonNull(municipalityId, "municipalityId");
        if (year < 2000 || year > 2100) {
            throw new InvalidField("year", "must be a year from 2000 to 2100");
        }
    }

    @Override
    public String toString() {
        return "eloge-" + municipalityId.slug() + "-" + year;
    }
}
