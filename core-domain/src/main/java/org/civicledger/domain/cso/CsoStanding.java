package org.civicledger.domain.cso;

import java.util.Set;

/** What the rules about ideas need to know of a CSO. */
public record CsoStanding(CsoStatus status, Set<String> municipalityIds) {

    public boolean mayActIn(String municipalityId) {
        return status == CsoStatus.APPROVED && municipalityIds.contains(municipalityId);
    }
}
