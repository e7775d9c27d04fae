package org.civicledger.benchmarks.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;
import org.junit.jupiter.api.Test;

/** The dataset is the same for the same seed, and every command of it is accepted by the real system. */
class DatasetTest {

    @Test
    void theSameSeedPlansTheSameHistoryAndAnotherSeedAnother() {
        DatasetPlan.Plan first = DatasetPlan.of(new DatasetPlan.Spec(2_000, 143, 7));
        DatasetPlan.Plan again = DatasetPlan.of(new DatasetPlan.Spec(2_000, 143, 7));
        DatasetPlan.Plan other = DatasetPlan.of(new DatasetPlan.Spec(2_000, 143, 8));

        assertThat(again.commands()).isEqualTo(first.commands());
        assertThat(other.commands()).isNotEqualTo(first.commands());
        assertThat(first.events()).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void everyPlannedCommandIsAcceptedAndMakesTheEventsPlanned() throws Exception {
        try (RunningSystem system = RunningSystem.start(TestStores.fresh(), "--logging.level.root=WARN")) {
            // on four threads: each idea, consultation and bench in plan order, the rest side by side
            DatasetLoad.Loaded loaded = DatasetLoad.load(system, new DatasetPlan.Spec(800, 143, 3), 4);

            assertThat(loaded.stored()).isEqualTo(loaded.planned());
        }
    }
}
