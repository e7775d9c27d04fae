package org.civicledger.query.municipalday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicledger.domain.shared.TestVault.text;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.shared.TestVault;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.readmodel.TestPass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A municipality's days, and the sums of them, as the pass keeps them: each thing counted once on its day, moved
 * when it moves, and every month, year and the whole time the sum of its days — whether computed as the events
 * arrive or once at the end of a build from the first event.
 */
class MunicipalDaysTest {

    private static final String IDEA = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";
    private static final Instant MARCH_3 = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant MARCH_20 = Instant.parse("2026-03-20T10:00:00Z");
    private static final Instant APRIL_2 = Instant.parse("2026-04-02T10:00:00Z");

    private final TestVault vault = new TestVault();
    private TestPass pass = TestPass.of(new IdeaProjection(), new MunicipalDays(vault));

    @AfterEach
    void tearDown() {
        pass.close();
    }

    private void idea(Object event, long sequence, Instant at) {
        pass.apply(event, "idea-" + IDEA, sequence, at);
    }

    private static IdeaSubmitted submitted(String id) {
        return new IdeaSubmitted(id, "maglaj", "Centar", "parks", text("Park"), text("Opis"), "bs", Channel.WEB, "author",
                null, null);
    }

    private Figures period(String id) {
        Document stored = pass.stored(MunicipalDays.PERIODS, id + "/s0");
        return Figures.of(stored == null ? null : stored.get("f", Document.class));
    }

    private Figures day(String id) {
        Document stored = pass.stored(MunicipalDays.DAYS, id + "/s0");
        return Figures.of(stored == null ? null : stored.get("figures", Document.class));
    }

    @Test
    void anIdeaCountsOnTheDayItWasSubmittedAndInEverySumOfIt() {
        idea(submitted(IDEA), 0, MARCH_3);

        pass.write();

        assertThat(day("maglaj/2026-03-03").topic).containsEntry("parks", 1L);
        for (String sum : List.of("maglaj/2026-03", "maglaj/2026", "maglaj/all", "*/2026-03-03", "*/2026-03", "*/2026", "*/all")) {
            assertThat(period(sum).status).as(sum).containsEntry("SUBMITTED", 1L);
        }
    }

    @Test
    void anEventAppliedAgainCountsNothingTwice() {
        idea(submitted(IDEA), 0, MARCH_3);
        pass.apply(new VoteCast(IDEA, "voter-1"), "ballot", 0, MARCH_20);
        pass.write();

        idea(submitted(IDEA), 0, MARCH_3);
        pass.apply(new VoteCast(IDEA, "voter-1"), "ballot", 0, MARCH_20);

        assertThat(period("maglaj/all").acts).isEqualTo(2);
        assertThat(period("maglaj/all").status).containsEntry("SUBMITTED", 1L);
    }

    @Test
    void aVoteCastAgainOnAnotherDayCountsOnThatDayOnly() {
        idea(submitted(IDEA), 0, MARCH_3);
        pass.apply(new VoteCast(IDEA, "voter-1"), "ballot", 0, MARCH_20);
        pass.apply(new VoteWithdrawn(IDEA, "voter-1"), "ballot", 1, MARCH_20);
        pass.apply(new VoteCast(IDEA, "voter-1"), "ballot", 2, APRIL_2);

        pass.write();

        assertThat(period("maglaj/2026-03").actsByKind).doesNotContainKey("VOTE");
        assertThat(period("maglaj/2026-04").actsByKind).containsEntry("VOTE", 1L);
        assertThat(period("maglaj/all").actsByKind).containsEntry("VOTE", 1L);
    }

    @Test
    void whatBecameOfAnIdeaIsCountedOnTheDayItWasSubmitted() {
        idea(submitted(IDEA), 0, MARCH_3);
        pass.write();

        idea(new IdeaHidden(IDEA, text("Uvreda"), "moderator"), 1, APRIL_2);
        pass.write();

        assertThat(period("maglaj/2026-03").moderated).isEqualTo(1);
        assertThat(period("maglaj/2026-04").moderated).isZero();
    }

    @Test
    void sumsComputedAtTheEndOfABuildEqualSumsKeptAsTheEventsArrive() {
        TestPass built = TestPass.building(new IdeaProjection(), new MunicipalDays(vault));
        try {
            for (TestPass each : List.of(pass, built)) {
                each.apply(submitted(IDEA), IDEA, 0, MARCH_3);
                each.apply(new VoteCast(IDEA, "voter-1"), "ballot", 0, MARCH_20);
                each.apply(submitted("7e1c0b2a-0000-4000-8000-000000000002"), "7e1c0b2a-0000-4000-8000-000000000002", 0, APRIL_2);
                each.write();
            }
            built.finishBuilding();

            assertThat(built.all(MunicipalDays.PERIODS)).isEqualTo(pass.all(MunicipalDays.PERIODS));
            assertThat(built.all(MunicipalDays.DAYS)).isEqualTo(pass.all(MunicipalDays.DAYS));
        } finally {
            built.close();
        }
    }

    @Test
    void aWriteCutShortBetweenTheSumsAndTheDaysIsRepairedByTheEventsAppliedAgain() {
        idea(submitted(IDEA), 0, MARCH_3);
        pass.write();
        pass.apply(new VoteCast(IDEA, "voter-1"), "ballot", 0, MARCH_20);

        pass.failWritesAfter(3).writeCutShort();
        pass.restart();
        pass.apply(new VoteCast(IDEA, "voter-1"), "ballot", 0, MARCH_20);
        pass.write();

        assertThat(period("maglaj/2026-03").acts).isEqualTo(2);
        assertThat(day("maglaj/2026-03-20").acts).isEqualTo(1);
    }
}
