package org.civicledger.domain.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.StateConflict;
import org.junit.jupiter.api.Test;

class PersonTest {

    static final Pseudonym AMRA = new Pseudonym("amra-pseudonym-0000001");
    static final PersonId ID = new PersonId(AMRA);
    static final EncryptedPersonalData SEALED = new EncryptedPersonalData("v1.1.c2VhbGVk", "ZGlnZXN0");

    private final AggregateTestFixture<Person> fixture = new AggregateTestFixture<>(Person.class);

    @Test
    void sealedDataIsRecordedAsCiphertextAndDigestOnly() {
        fixture.givenNoPriorActivity()
                .when(new RecordPersonalData(ID, SEALED))
                .expectEvents(new PersonalDataRecorded(AMRA.value(), "v1.1.c2VhbGVk", "ZGlnZXN0"));
    }

    @Test
    void recordedDataIsErasedOnRequest() {
        fixture.given(new PersonalDataRecorded(AMRA.value(), "v1.1.c2VhbGVk", "ZGlnZXN0"))
                .when(new ErasePersonalData(ID, ErasureRequester.SELF, AMRA))
                .expectEvents(new PersonalDataErased(AMRA.value(), ErasureRequester.SELF, AMRA.value()));
    }

    @Test
    void erasingTwiceOrWithoutDataIsAConflict() {
        fixture.given(new PersonalDataRecorded(AMRA.value(), "c", "d"),
                        new PersonalDataErased(AMRA.value(), ErasureRequester.ADMIN, "admin-pseudonym-000001"))
                .when(new ErasePersonalData(ID, ErasureRequester.SELF, AMRA))
                .expectException(StateConflict.class);
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalData(ID, ErasureRequester.SELF, AMRA))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void personalDataIsAllOptionalButWellFormed() {
        assertThat(new PersonalData(null, " ", null, "", null)).isEqualTo(new PersonalData(null, null, null, null, null));
        assertThat(new PersonalData("Amra", "amra@example.ba", "FEMALE", "25_34", "Centar").ageBand()).isEqualTo("25_34");
        assertThatThrownBy(() -> new PersonalData(null, "amra", null, null, null)).isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> new PersonalData(null, null, "f", null, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new PersonalData(null, null, null, "30", null)).isInstanceOf(InvalidField.class);
    }
}
