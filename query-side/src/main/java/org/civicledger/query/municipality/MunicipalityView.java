package org.civicledger.query.municipality;

/** A municipality as listed publicly: its slug and its display name in the local language. */
public record MunicipalityView(String municipalityId, String name) {
}
