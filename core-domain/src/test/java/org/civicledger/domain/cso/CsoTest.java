package org.civicledger.domain.cso;

import static org.civicledger.domain.shared.TestVault.text;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TestVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsoTest {

    static final String ID = "2a7c2f0e-5b1d-4d3e-9f00-6a5b4c3d2e10";
    static final CsoId CSO = CsoId.parse("csoId", ID);
    static final Pseudonym COORDINATOR = new Pseudonym("coordinator-pseudonym-1");

    private AggregateTestFixture<Cso> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cso.class);
        fixture.registerInjectableResource(new TestVault());
    }

    static CsoRegistered registered() {
        return new CsoRegistered(ID, "Udruženje Most", "065-0-Reg-12-000123", java.util.List.of("mostar"),
                java.util.List.of("youth"), text("info@most.ba"), java.util.List.of(ProtocolPrinciple.values()), "registrant-pseudonym-01");
    }

    @Test
    void theCoordinatorApprovesAPendingCso() {
        fixture.given(registered())
                .when(new ApproveCso(CSO, COORDINATOR))
                .expectEvents(new CsoApproved(ID, COORDINATOR.value()));
    }

    @Test
    void theCoordinatorRejectsAPendingCsoWithAReason() {
        fixture.given(registered())
                .when(new RejectCso(CSO, new Reason("Nije registrovana u BiH"), COORDINATOR))
                .expectEvents(new CsoRejected(ID, text("Nije registrovana u BiH"), COORDINATOR.value()));
    }

    @Test
    void anApprovedCsoIsSuspendedAndReinstated() {
        fixture.given(registered(), new CsoApproved(ID, COORDINATOR.value()))
                .when(new SuspendCso(CSO, new Reason("Kršenje Protokola"), COORDINATOR))
                .expectEvents(new CsoSuspended(ID, text("Kršenje Protokola"), COORDINATOR.value()));
        fixture.given(registered(), new CsoApproved(ID, COORDINATOR.value()),
                        new CsoSuspended(ID, text("Kršenje Protokola"), COORDINATOR.value()))
                .when(new ReinstateCso(CSO, new Reason("Otklonjeno"), COORDINATOR))
                .expectEvents(new CsoReinstated(ID, text("Otklonjeno"), COORDINATOR.value()));
    }

    @Test
    void aRejectedCsoCannotBeApproved() {
        fixture.given(registered(), new CsoRejected(ID, text("Nije registrovana"), COORDINATOR.value()))
                .when(new ApproveCso(CSO, COORDINATOR))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("REJECTED"));
    }

    @Test
    void aPendingCsoCannotBeSuspended() {
        fixture.given(registered())
                .when(new SuspendCso(CSO, new Reason("Rano"), COORDINATOR))
                .expectException(StateConflict.class);
    }

    @Test
    void registrationNumbersAreTheSameWhateverTheWriting() {
        org.assertj.core.api.Assertions.assertThat(new RegistrationNumber("065-0-Reg-12-000123").canonical())
                .isEqualTo(new RegistrationNumber("0650 REG 12.000123").canonical());
        org.assertj.core.api.Assertions.assertThat(RegistrationNumberClaim.streamOf(new RegistrationNumber("1-2-A")))
                .isEqualTo("cso-registration-12A");
    }
}
