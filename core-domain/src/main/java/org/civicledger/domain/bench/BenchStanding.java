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

    /**
     * Whether the bench may report on itself (telemetry, status): from its registration on, because
     * installers check a bench in place (power, solar, connectivity) before commissioning it, and those
     * reports are how they see it work; never after decommissioning.
     */
    public boolean acceptsMessages() {
        return status != BenchStatus.DECOMMISSIONED;
    }

    /**
     * Whether the bench may carry citizens' voices (ideas, opinions): only while in service. Before
     * commissioning a bench stands in a workshop or a test site, and what is typed on it there is not a
     * citizen's contribution to any municipality.
     */
    public boolean takesContributions() {
        return status == BenchStatus.COMMISSIONED;
    }
}
