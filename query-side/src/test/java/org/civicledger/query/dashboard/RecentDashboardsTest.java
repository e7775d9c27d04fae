package org.civicledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentDashboardsTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

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

    private final TestClock clock = new TestClock();
    private final AtomicInteger computed = new AtomicInteger();

    private String compute() {
        return "dashboard " + computed.incrementAndGet();
    }

    @Test
    void aDashboardAskedForAgainWithinItsMaxAgeIsNotComputedAgain() {
        RecentDashboards recent = new RecentDashboards(Duration.ofSeconds(5), clock);

        assertThat(recent.get("mostar", this::compute)).isEqualTo("dashboard 1");
        clock.now = clock.now.plusSeconds(5);
        assertThat(recent.get("mostar", this::compute)).isEqualTo("dashboard 1");
        assertThat(recent.get("trebinje", this::compute)).isEqualTo("dashboard 2");
        clock.now = clock.now.plusMillis(1);
        assertThat(recent.get("mostar", this::compute)).isEqualTo("dashboard 3");
    }

    @Test
    void readersAskingAtOnceShareOneComputation() throws Exception {
        RecentDashboards recent = new RecentDashboards(Duration.ofSeconds(5), clock);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = readers.submit(() -> recent.get("mostar", () -> {
                computing.countDown();
                await(release);
                return compute();
            }));
            assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(readers.submit(() -> recent.get("mostar", this::compute)));
            }
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("dashboard 1");
            for (Future<String> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("dashboard 1");
            }
            assertThat(computed).hasValue(1);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aFailedComputationIsNotKept() {
        RecentDashboards recent = new RecentDashboards(Duration.ofSeconds(5), clock);

        assertThatThrownBy(() -> recent.get("mostar", () -> {
            throw new IllegalStateException("read store unreachable");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(recent.get("mostar", this::compute)).isEqualTo("dashboard 1");
    }

    @Test
    void aMaxAgeOfZeroComputesEveryRequest() {
        RecentDashboards recent = new RecentDashboards(Duration.ZERO, clock);

        recent.get("mostar", this::compute);
        recent.get("mostar", this::compute);

        assertThat(computed).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
