package org.civicledger.query.cso;

import java.time.Instant;
import java.util.List;

/** A CSO of the network as the public sees it; who registered it is not shown. */
public record CsoView(String csoId, String name, String registrationNumber, List<String> municipalityIds,
                      List<String> focusAreas, String contactEmail, String status, String statusReason,
                      Instant registeredAt) {
}
