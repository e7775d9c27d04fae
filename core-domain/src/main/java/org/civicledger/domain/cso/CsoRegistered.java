package org.civicledger.domain.cso;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A CSO registered and accepted the Protocol's principles; it waits for approval. Revision 2 seals its
 * {@code contactEmail}: contact data never reaches the public log. The {@code name} is the organisation's
 * registered name, public by nature like its registration number, and stays plain.
 */
@Revision("2")
public record CsoRegistered(
        String csoId,
        String name,
        String registrationNumber,
        List<String> municipalityIds,
        List<String> focusAreas,
        SealedText contactEmail,
        List<ProtocolPrinciple> acceptedPrinciples,
        String registrantPseudonym) {
}
