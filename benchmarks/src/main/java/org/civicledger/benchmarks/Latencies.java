package org.civicledger.benchmarks;

import java.util.Arrays;

/** Latencies recorded in nanoseconds, reported in milliseconds: the same percentiles for every harness. */
final class Latencies {

    private final long[] sorted;

    /** The first {@code count} of {@code nanos}. */
    Latencies(long[] nanos, int count) {
        sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
    }

    double medianMillis() {
        return sorted[sorted.length / 2] / 1e6;
    }

    double p99Millis() {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.99))] / 1e6;
    }
}
