package org.civicledger.domain.cso;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A CSO registered and accepted the Protocol's principles; it waits for approval.
 * The contact e-mail is the organisation's public contact, not a person's.
 */
@Revision("1")
public record CsoRegistered(
        String csoId,
        String name,
        String registrationNumber,
        List<String> municipalityIds,
        List<String> focusAreas,
        String contactEmail,
        List<ProtocolPrinciple> acceptedPrinciples,
        String registrantPseudonym) {
}
