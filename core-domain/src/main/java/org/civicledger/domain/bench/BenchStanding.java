package org.civicledger.domain.bench;

import java.util.List;

/**
 * What the bench bridge needs to know of a bench to accept its messages: its status, municipality,
 * current key, and the keys rotated out (so that a message signed with one is named as such).
 */
public record BenchStanding(String municipalityId, BenchStatus status, String publicKey, int keyVersion,
                            List<String> rotatedOutKeys) {

    public BenchStanding {
        rotatedOutKeys = rotatedOutKeys == null ? List.of() : List.copyOf(rotatedOutKeys);
    }

    public boolean acceptsMessages() {
        return status != BenchStatus.DECOMMISSIONED;
    }
}
