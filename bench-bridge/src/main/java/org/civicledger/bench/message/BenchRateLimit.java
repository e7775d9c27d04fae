package org.civicledger.bench.message;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per bench: a verified bench may send {@code perMinute} messages a minute, in bursts
 * of as many; beyond that its messages are refused (RATE_LIMITED) and make no event. Counted after
 * the signature check, so nobody can spend a real bench's allowance by forging its topic.
 */
public final class BenchRateLimit {

    private final double perMinute;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public BenchRateLimit(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("civic.bench.rate-limit.per-minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one message from the bench's allowance; false when there is none left. */
    public boolean take(String benchId) {
        long now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(benchId, b -> new double[] {perMinute, now});
        synchronized (bucket) {
            bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / 60_000.0);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }
}
