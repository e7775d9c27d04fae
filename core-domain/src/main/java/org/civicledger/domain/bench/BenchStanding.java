package org.civicledger.domain.bench;

/** What the bench bridge needs to know of a bench to accept its messages: its status, municipality and key. */
public record BenchStanding(String municipalityId, BenchStatus status, String publicKey, int keyVersion) {

    public boolean acceptsMessages() {
        return status != BenchStatus.DECOMMISSIONED;
    }
}
