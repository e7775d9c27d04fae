package org.civicledger.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicledger.query.disclosure.Disclosure.Reason;
import org.civicledger.query.disclosure.Disclosure.Rule;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private static Map<String, Long> cells(Object... pairs) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return cells;
    }

    @Test
    void aCountFromOneToFourIsWithheldAndNamed() {
        Disclosure disclosure = new Disclosure(Rule.EXACT);

        assertThat(disclosure.count("/votes", 4)).isNull();
        assertThat(disclosure.marker().withheld()).containsExactly(Map.entry("/votes", Reason.SMALL));
    }

    @Test
    void zeroAndFiveAreShownAsCountedUnderTheExactRule() {
        Disclosure disclosure = new Disclosure(Rule.EXACT);

        assertThat(disclosure.count("/a", 0)).isZero();
        assertThat(disclosure.count("/b", 5)).isEqualTo(5);
        assertThat(disclosure.count("/c", 182)).isEqualTo(182);
        assertThat(disclosure.marker().withheld()).isEmpty();
    }

    @Test
    void theBandedRuleShowsTheBandOfFiveACountFallsIn() {
        Disclosure disclosure = new Disclosure(Rule.BANDED);

        assertThat(disclosure.count("/a", 5)).isEqualTo(5);
        assertThat(disclosure.count("/a", 9)).isEqualTo(5);
        assertThat(disclosure.count("/a", 10)).isEqualTo(10);
        assertThat(disclosure.count("/a", 184)).isEqualTo(180);
        assertThat(disclosure.marker().bandOf()).isEqualTo(5);
    }

    @Test
    void theBandedRuleWithholdsZeroToo() {
        Disclosure disclosure = new Disclosure(Rule.BANDED);

        assertThat(disclosure.count("/none", 0)).isNull();
        assertThat(disclosure.table("/g", cells("FEMALE", 12, "MALE", 2, "OTHER", 0)))
                .containsEntry("FEMALE", 10L).containsEntry("MALE", null).containsEntry("OTHER", null);
        assertThat(disclosure.marker().withheld()).containsEntry("/none", Reason.FEWER_THAN_FIVE)
                .containsEntry("/g/OTHER", Reason.FEWER_THAN_FIVE);
    }

    @Test
    void aBandedBreakdownWhoseCellsAreAllAtTheirTopGivesOneUpAsAComplement() {
        Disclosure disclosure = new Disclosure(Rule.BANDED);

        Map<String, Long> shown = disclosure.table("/mz", cells("A", 4, "B", 4, "C", 4, "D", 4, "E", 4));

        assertThat(shown.values()).containsOnlyNulls();
        assertThat(disclosure.marker().withheld().values()).contains(Reason.COMPLEMENT);
    }

    @Test
    void aBreakdownWhoseTotalIsSmallIsWithheldWholeZerosIncluded() {
        Disclosure disclosure = new Disclosure(Rule.EXACT);

        Map<String, Long> shown = disclosure.table("/participation/byChannel", cells("WEB", 1, "BENCH", 0));

        assertThat(shown).containsEntry("WEB", null).containsEntry("BENCH", null);
        assertThat(disclosure.marker().withheld()).containsEntry("/participation/byChannel/BENCH", Reason.SMALL_TOTAL);
    }

    @Test
    void aSingleSmallCellTakesTheSmallestShownCellWithIt() {
        Disclosure disclosure = new Disclosure(Rule.EXACT);

        Map<String, Long> shown = disclosure.table("/g", cells("FEMALE", 12, "MALE", 7, "OTHER", 2, "NOT_STATED", 0));

        assertThat(shown).containsEntry("FEMALE", 12L).containsEntry("MALE", null).containsEntry("OTHER", null)
                .containsEntry("NOT_STATED", 0L);
        assertThat(disclosure.marker().withheld()).containsEntry("/g/OTHER", Reason.SMALL)
                .containsEntry("/g/MALE", Reason.COMPLEMENT);
    }

    @Test
    void smallCellsThatAddUpToLessThanFiveTakeMoreWithThem() {
        Disclosure disclosure = new Disclosure(Rule.EXACT);

        Map<String, Long> shown = disclosure.table("/g", cells("A", 1, "B", 1, "C", 9, "D", 20));

        assertThat(shown).containsEntry("A", null).containsEntry("B", null).containsEntry("C", null)
                .containsEntry("D", 20L);
    }

    @Test
    void aKeyWithASlashIsEscapedInItsPointer() {
        Disclosure disclosure = new Disclosure(Rule.EXACT);

        disclosure.table("/mz", cells("Donji Vakuf/Mahala", 2, "Centar", 30));

        assertThat(disclosure.marker().withheld()).containsKey("/mz/Donji Vakuf~1Mahala");
    }
}
