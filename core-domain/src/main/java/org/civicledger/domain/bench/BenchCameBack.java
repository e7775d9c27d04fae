package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A silent bench was heard again at {@code heardAt}, after being silent since {@code silentSince}. */
@Revision("1")
public record BenchCameBack(String benchId, Instant heardAt, Instant silentSince) {
}
