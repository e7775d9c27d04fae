package org.civicledger.query.cso;

import java.time.Instant;
import java.util.List;
import org.civicledger.query.readstore.Page;

/** A CSO of the network as the public sees it; who registered it is not shown. */
public record CsoView(String csoId, String name, String registrationNumber, List<String> municipalityIds,
                      List<String> focusAreas, String contactEmail, String status, String statusReason,
                      Instant registeredAt) {

    /** Which CSOs are in the network? Answers a list of {@link CsoView}, by name. */
    public record ListCsos(Page page) {
    }

    /** What do we know of this CSO? Answers a {@link CsoView}, or nothing. */
    public record FindCso(String csoId) {
    }
}
