package org.civicledger.domain.bench;

import static org.civicledger.domain.shared.TestVault.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Reason;
import org.civicledger.domain.shared.StateConflict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchTest {

    static final BenchId BENCH = new BenchId("bench-mostar-1");
    static final Pseudonym ADMIN = new Pseudonym("admin-pseudonym-000001");
    static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    static final BenchRegistered REGISTERED = new BenchRegistered("bench-mostar-1", "mostar", 43.3372, 17.8150, KEY_1,
            ADMIN.value());

    private AggregateTestFixture<Bench> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bench.class);
        fixture.registerInjectableResource((MunicipalityRegistry) id -> id.slug().equals("mostar"));
        fixture.registerInjectableResource(new org.civicledger.domain.shared.TestVault());
    }

    @Test
    void aBenchIsRegisteredWithItsKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBench(BENCH, new MunicipalityId("mostar"), new Location(43.3372, 17.8150),
                        new BenchKey(KEY_1), ADMIN))
                .expectEvents(REGISTERED);
    }

    @Test
    void aBenchOfAnUnknownMunicipalityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBench(BENCH, new MunicipalityId("atlantis"), new Location(0, 0), new BenchKey(KEY_1), ADMIN))
                .expectException(InvalidField.class);
    }

    @Test
    void aRegisteredBenchIsCommissionedOnce() {
        fixture.given(REGISTERED).when(new CommissionBench(BENCH, ADMIN))
                .expectEvents(new BenchCommissioned("bench-mostar-1", ADMIN.value()));
        fixture.given(REGISTERED, new BenchCommissioned("bench-mostar-1", ADMIN.value()))
                .when(new CommissionBench(BENCH, ADMIN))
                .expectException(StateConflict.class);
    }

    @Test
    void aKeyIsRotatedToANewVersion() {
        fixture.given(REGISTERED)
                .when(new RotateBenchKey(BENCH, new BenchKey(KEY_2), new Reason("Zamijenjen uređaj"), ADMIN))
                .expectEvents(new BenchKeyRotated("bench-mostar-1", KEY_2, 2, text("Zamijenjen uređaj"), ADMIN.value()));
        fixture.given(REGISTERED)
                .when(new RotateBenchKey(BENCH, new BenchKey(KEY_1), new Reason("Isti ključ"), ADMIN))
                .expectException(InvalidField.class);
    }

    @Test
    void aRotatedOutKeyIsRemembered() {
        fixture.given(REGISTERED, new BenchKeyRotated("bench-mostar-1", KEY_2, 2, text("Zamijenjen uređaj"), ADMIN.value()))
                .when(new CommissionBench(BENCH, ADMIN))
                .expectState(bench -> org.assertj.core.api.Assertions.assertThat(bench.standing())
                        .isEqualTo(new BenchStanding("mostar", BenchStatus.COMMISSIONED, KEY_2, 2, java.util.List.of(KEY_1))));
    }

    @Test
    void aDecommissionedBenchIsOutForGood() {
        fixture.given(REGISTERED).when(new DecommissionBench(BENCH, new Reason("Oštećena"), ADMIN))
                .expectEvents(new BenchDecommissioned("bench-mostar-1", text("Oštećena"), ADMIN.value()));
        fixture.given(REGISTERED, new BenchDecommissioned("bench-mostar-1", text("Oštećena"), ADMIN.value()))
                .when(new RotateBenchKey(BENCH, new BenchKey(KEY_2), new Reason("Pokušaj"), ADMIN))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("decommissioned"));
    }

    @Test
    void keysAreRaw32ByteEd25519AndIdsAreSlugs() {
        assertThatThrownBy(() -> new BenchKey("AAAA")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new BenchKey("not base64!")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new BenchId("Bench 1")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new Location(91, 0)).isInstanceOf(InvalidField.class);
    }

    static final BenchCommissioned COMMISSIONED = new BenchCommissioned("bench-mostar-1", ADMIN.value());
    static final java.time.Instant HEARD = java.time.Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void aSilenceIsRecordedOnceHoweverOftenItIsReported() {
        RecordBenchSilence silence = new RecordBenchSilence(BENCH, HEARD, java.time.Duration.ofMinutes(30));
        fixture.given(REGISTERED, COMMISSIONED).when(silence)
                .expectEvents(new BenchWentSilent("bench-mostar-1", HEARD, 1800));
        fixture.given(REGISTERED, COMMISSIONED, new BenchWentSilent("bench-mostar-1", HEARD, 1800)).when(silence)
                .expectNoEvents();
    }

    @Test
    void onlyASilentBenchComesBack() {
        java.time.Instant back = HEARD.plusSeconds(3600);
        fixture.given(REGISTERED, COMMISSIONED, new BenchWentSilent("bench-mostar-1", HEARD, 1800))
                .when(new RecordBenchReturn(BENCH, back))
                .expectEvents(new BenchCameBack("bench-mostar-1", back, HEARD));
        fixture.given(REGISTERED, COMMISSIONED).when(new RecordBenchReturn(BENCH, back)).expectNoEvents();
    }

    @Test
    void aBenchNotInServiceIsNeverSilent() {
        fixture.given(REGISTERED).when(new RecordBenchSilence(BENCH, HEARD, java.time.Duration.ofMinutes(30)))
                .expectNoEvents();
    }

    @Test
    void aRegisteredBenchMayReportOnItselfButTakesNoContributions() {
        fixture.given(REGISTERED).when(new RecordBenchSilence(BENCH, HEARD, java.time.Duration.ofMinutes(30)))
                .expectState(bench -> {
                    assertThat(bench.standing().acceptsMessages()).isTrue();
                    assertThat(bench.standing().takesContributions()).isFalse();
                });
    }

    @Test
    void commissioningLetsABenchTakeContributions() {
        fixture.given(REGISTERED).when(new CommissionBench(BENCH, ADMIN))
                .expectState(bench -> assertThat(bench.standing().takesContributions())
                        .isTrue());
    }

    @Test
    void aDecommissionedBenchTakesNeitherReportsNorContributions() {
        fixture.given(REGISTERED, COMMISSIONED).when(new DecommissionBench(BENCH, new Reason("Oštećena"), ADMIN))
                .expectState(bench -> {
                    assertThat(bench.standing().acceptsMessages()).isFalse();
                    assertThat(bench.standing().takesContributions()).isFalse();
                });
    }
}
