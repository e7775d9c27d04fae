package org.civicledger.query.municipality;

import org.civicledger.query.readstore.Page;


/** The questions the municipality read model answers. */
public final class MunicipalityQueries {

    private MunicipalityQueries() {
    }

    /** Which municipalities are registered? Answers a list of {@link MunicipalityView}, by name. */
    public record ListMunicipalities(Page page) {
    }

    /** Which municipality has this slug? Answers a {@link MunicipalityView}, or nothing. */
    public record FindMunicipality(String municipalityId) {
    }
}
