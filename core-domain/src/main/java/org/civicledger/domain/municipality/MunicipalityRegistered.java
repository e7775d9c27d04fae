package org.civicledger.domain.municipality;

import org.axonframework.serialization.Revision;

/**
 * A municipality joined the system.
 *
 * @param municipalityId the slug, e.g. {@code novi-grad}
 * @param name           the display name in the local language, e.g. {@code Novi Grad}
 */
@Revision("1")
public record MunicipalityRegistered(String municipalityId, String name) {
}
