package org.civicledger.bench.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BenchRateLimitTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBenchSendsItsAllowanceThenWaitsForItToRefill() {
        ManualClock clock = new ManualClock();
        BenchRateLimit limit = new BenchRateLimit(60, clock);

        for (int i = 0; i < 60; i++) {
            assertThat(limit.take("bench-a")).isTrue();
        }
        assertThat(limit.take("bench-a")).isFalse();
        clock.advanceSeconds(1);
        assertThat(limit.take("bench-a")).isTrue();
        assertThat(limit.take("bench-a")).isFalse();
    }

    @Test
    void benchesHaveAllowancesOfTheirOwn() {
        BenchRateLimit limit = new BenchRateLimit(1, new ManualClock());

        assertThat(limit.take("bench-a")).isTrue();
        assertThat(limit.take("bench-a")).isFalse();
        assertThat(limit.take("bench-b")).isTrue();
    }
}
