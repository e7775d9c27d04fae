package org.civicledger.domain.municipality;

/**
 * Answers whether a municipality is registered. A port: the command side answers it from the
 * event store, so the answer is as current as the write it guards.
 */
@FunctionalInterface
public interface MunicipalityRegistry {

    boolean isRegistered(MunicipalityId municipalityId);
}
