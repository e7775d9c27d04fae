package org.civicledger.query.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Dashboards as computed at most {@code civic.dashboard.max-age} ago. A dashboard is counted from the read
 * models when asked for; many readers asking for the same one at once share one computation, and those
 * who ask within the max age get its answer. A max age of zero computes every request afresh.
 *
 * <p>Hand-written rather than a cache library: one map of futures, kept small by dropping what is stale.
 */
final class RecentDashboards {

    private static final int KEPT = 1_000;

    private record Computed(Instant at, CompletableFuture<Object> value) {
    }

    private final Duration maxAge;
    private final Clock clock;
    private final Map<Object, Computed> recent = new ConcurrentHashMap<>();

    RecentDashboards(Duration maxAge, Clock clock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("civic.dashboard.max-age must not be negative, was " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The dashboard for {@code query}: computed a moment ago, being computed now, or computed by {@code compute}. */
    @SuppressWarnings("unchecked")
    <T> T get(Object query, Supplier<T> compute) {
        if (maxAge.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Computed current = recent.compute(query, (k, existing) ->
                existing != null && !existing.at().plus(maxAge).isBefore(now) && !existing.value().isCompletedExceptionally()
                        ? existing : new Computed(now, mine));
        if (current.value() == mine) {
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error failed) {
                mine.completeExceptionally(failed);
                recent.remove(query, current);
                throw failed;
            }
            if (recent.size() > KEPT) {
                recent.values().removeIf(c -> c.at().plus(maxAge).isBefore(now));
            }
        }
        try {
            return (T) current.value().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
    }
}
