package org.civicledger.bench.message;

import org.civicledger.domain.shared.Allowance;
import java.time.Clock;

/**
 * A token bucket per bench: a verified bench may send {@code perMinute} messages a minute, in bursts
 * of as many; beyond that its messages are refused (RATE_LIMITED) and make no event. Counted after
 * the signature check, so nobody can spend a real bench's allowance by forging its topic.
 */
public final class BenchRateLimit {

    private final Allowance allowance;

    public BenchRateLimit(int perMinute, Clock clock) {
        this.allowance = new Allowance("civic.bench.rate-limit.per-minute", perMinute, clock);
    }

    /** Takes one message from the bench's allowance; false when there is none left. */
    public boolean take(String benchId) {
        return allowance.take(benchId);
    }
}
