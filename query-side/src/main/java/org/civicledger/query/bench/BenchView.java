package org.civicledger.query.bench;

import java.time.Instant;

/**
 * A bench as the public sees it: public furniture, in a public place. {@code silentSince} is when it was last
 * heard, while it is recorded as silent; null while it speaks.
 */
public record BenchView(String benchId, String municipalityId, double lat, double lon, String status, int keyVersion,
                        Instant registeredAt, Instant silentSince) {
}
