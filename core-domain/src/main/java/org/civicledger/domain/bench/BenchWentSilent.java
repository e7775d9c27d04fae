package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A bench in service sent nothing since {@code lastHeardAt} for longer than {@code silentAfterSeconds}. */
@Revision("1")
public record BenchWentSilent(String benchId, Instant lastHeardAt, long silentAfterSeconds) {
}
