package org.civicledger.domain.municipality;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MunicipalityTest {

    private AggregateTestFixture<Municipality> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Municipality.class);
    }

    @Test
    void aNewMunicipalityIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMunicipality(new MunicipalityId("zepce"), "Žepče"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MunicipalityRegistered("zepce", "Žepče"));
    }

    @Test
    void registeringAgainRecordsNothing() {
        fixture.given(new MunicipalityRegistered("zepce", "Žepče"))
                .when(new RegisterMunicipality(new MunicipalityId("zepce"), "Žepče"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
