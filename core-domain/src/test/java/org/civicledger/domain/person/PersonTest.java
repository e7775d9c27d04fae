package org.civicledger.domain.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicledger.domain.shared.TestVault.text;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TestVault;
import org.junit.jupiter.api.Test;

class PersonTest {

    static final Pseudonym AMRA = new Pseudonym("amra-pseudonym-0000001");
    static final PersonId ID = new PersonId(AMRA);
    static final ErasureTag TAG = new ErasureTag("amras-tag");
    static final PersonalData DATA = new PersonalData("Amra", "amra@example.ba", "FEMALE", "25_34", "Centar");

    private final AggregateTestFixture<Person> fixture = new AggregateTestFixture<>(Person.class);

    {
        fixture.registerInjectableResource(new TestVault());
    }

    @Test
    void dataIsRecordedSealedUnderThePersonsTag() {
        fixture.givenNoPriorActivity()
                .when(new RecordPersonalData(ID, DATA, TAG))
                .expectEvents(new PersonalDataRecorded(AMRA.value(), null, null, text(DATA.encode(), TAG)));
    }

    @Test
    void recordedDataIsErasedOnRequest() {
        fixture.given(new PersonalDataRecorded(AMRA.value(), null, null, text(DATA.encode(), TAG)))
                .when(new ErasePersonalData(ID, ErasureRequester.SELF, AMRA))
                .expectEvents(new PersonalDataErased(AMRA.value(), ErasureRequester.SELF, AMRA.value()));
    }

    @Test
    void aPersonWhoRecordedNothingIsErasedToo() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalData(ID, ErasureRequester.ADMIN, new Pseudonym("admin-pseudonym-000001")))
                .expectEvents(new PersonalDataErased(AMRA.value(), ErasureRequester.ADMIN, "admin-pseudonym-000001"));
    }

    @Test
    void anErasedPersonIsErasedOnceAndRecordsNothingMore() {
        PersonalDataErased erased = new PersonalDataErased(AMRA.value(), ErasureRequester.ADMIN, "admin-pseudonym-000001");
        fixture.given(erased)
                .when(new ErasePersonalData(ID, ErasureRequester.SELF, AMRA))
                .expectException(StateConflict.class)
                .expectNoEvents();
        fixture.given(erased)
                .when(new RecordPersonalData(ID, DATA, TAG))
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

    @Test
    void personalDataAndProfilesReadBackAsTheyWereEncoded() {
        PersonalData tricky = new PersonalData("Ana & Ivo=", "a+b@example.ba", null, "65_PLUS", "Donji Vakuf/Mahala");
        assertThat(PersonalData.decode(tricky.encode())).isEqualTo(tricky);
        Profile profile = Profile.of(tricky);
        assertThat(Profile.decode(profile.encode())).isEqualTo(profile);
        assertThat(Profile.of(new PersonalData("Ana", null, null, null, null))).isNull();
    }
}
