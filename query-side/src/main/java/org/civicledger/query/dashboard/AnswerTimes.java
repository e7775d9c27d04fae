package org.civicledger.query.dashboard;

import java.util.Map;

/**
 * How fast ideas forwarded in a period were first answered, from the kept distribution of answer times
 * (milli-days, as counted) — never from a sort of the ideas themselves.
 */
public final class AnswerTimes {

    private static final long THIRTY_DAYS = 30L * 86_400_000;

    private AnswerTimes() {
    }

    /** Nearest-rank percentile {@code p} of the distribution (milli-days → how many), in days; null when empty. */
    public static Double percentile(Map<Long, Long> milliDays, double p) {
        long total = milliDays.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Long, Long> value : milliDays.entrySet()) {
            seen += value.getValue();
            if (seen >= rank) {
                return value.getKey() / 1000.0;
            }
        }
        throw new IllegalStateException("A rank beyond the distribution");
    }

    /**
     * The ideas that can be judged against the 30-day target at {@code now}: those answered, and those forwarded
     * more than 30 days before now and still waiting ({@code unansweredSince}: forwarded at → how many).
     */
    public static long judged(long answered, Map<Long, Long> unansweredSince, long now) {
        long overdue = 0;
        for (Map.Entry<Long, Long> waiting : unansweredSince.entrySet()) {
            if (now - waiting.getKey() > THIRTY_DAYS) {
                overdue += waiting.getValue();
            }
        }
        return answered + overdue;
    }

    /** Days, to the thousandth, as the dashboards show them. */
    public static double days(long millis) {
        return Math.round(millis / 86_400.0) / 1000.0;
    }
}
