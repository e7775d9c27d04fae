package org.civicledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCountsTest {

    private static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void countsOfFiveAndMoreAndZeroesArePublished() {
        assertThat(SmallCounts.suppress(counts("FEMALE", 12, "MALE", 5, "OTHER", 0)))
                .isEqualTo(counts("FEMALE", 12, "MALE", 5, "OTHER", 0));
    }

    @Test
    void countsFromOneToFourAreWithheld() {
        Map<String, Long> published = SmallCounts.suppress(counts("FEMALE", 12, "MALE", 3, "OTHER", 1, "NOT_STATED", 9));

        assertThat(published).containsEntry("FEMALE", 12L).containsEntry("NOT_STATED", 9L);
        assertThat(published.get("MALE")).isNull();
        assertThat(published.get("OTHER")).isNull();
    }

    @Test
    void aLoneWithheldCountTakesTheNextSmallestWithItSoItCannotBeWorkedOutFromTheTotal() {
        Map<String, Long> published = SmallCounts.suppress(counts("FEMALE", 30, "MALE", 7, "OTHER", 2, "NOT_STATED", 0));

        assertThat(published.get("OTHER")).isNull();
        assertThat(published.get("MALE")).isNull();
        assertThat(published).containsEntry("FEMALE", 30L).containsEntry("NOT_STATED", 0L);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> days = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

        assertThat(DashboardQuery.percentile(days, 0.5)).isEqualTo(5.0);
        assertThat(DashboardQuery.percentile(days, 0.9)).isEqualTo(9.0);
        assertThat(DashboardQuery.percentile(List.of(4.0), 0.9)).isEqualTo(4.0);
        assertThat(DashboardQuery.percentile(List.of(), 0.5)).isNull();
    }
}
