package org.civicledger.domain.shared;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much each one (a bench, a person) may still do: {@code perMinute} a minute, in bursts of as many
 * (a token bucket per key). Keys whose allowance has refilled completely are forgotten once many are kept.
 */
public final class Allowance {

    private static final int KEPT = 100_000;

    private final double perMinute;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    /** {@code perMinute}, as the setting named {@code setting} says (named in the error when it is below 1). */
    public Allowance(String setting, int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, not " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one from {@code key}'s allowance; false when there is none left. */
    public boolean take(String key) {
        long now = clock.millis();
        if (buckets.size() > KEPT) {
            buckets.values().removeIf(b -> refilled(b, now) >= perMinute);
        }
        double[] bucket = buckets.computeIfAbsent(key, b -> new double[] {perMinute, now});
        synchronized (bucket) {
            bucket[0] = refilled(bucket, now);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }

    /** Seconds until {@code key} may do one more (at least 1). */
    public long secondsUntilNext(String key) {
        double[] bucket = buckets.get(key);
        double missing = bucket == null ? 0 : Math.max(0, 1 - refilled(bucket, clock.millis()));
        return Math.max(1, (long) Math.ceil(missing * 60 / perMinute));
    }

    private double refilled(double[] bucket, long now) {
        return Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / 60_000.0);
    }
}
