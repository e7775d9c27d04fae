package org.civicledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness working: runs the vote drivers at a tiny size against the whole system. Asserts
 * that they measured something and that every vote was accepted — never how fast (timing belongs in the
 * benchmark's report, not in a test).
 */
class HarnessSmokeTest {

    @Test
    void theVoteDriverRunsEndToEnd() throws Exception {
        List<String> rows = VoteThroughput.run(10, 30, new int[] {2}, 20, 1);

        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(row -> assertThat(row).endsWith("| 0 |")); // no vote refused or failed
    }

    @Test
    void theVisibilityDriverRunsEndToEnd() throws Exception {
        List<String> rows = VoteVisibility.run(20, 4, 1, 2);

        assertThat(rows).singleElement().asString().contains("20 of 20 acknowledged"); // it waits until all show
    }
}
