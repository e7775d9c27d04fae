package org.civicledger.domain.consultation;

import static org.civicledger.domain.shared.TestVault.text;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TestVault;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.Profile;
import org.junit.jupiter.api.Test;

class ConsultationTest {

    static final String ID = "7e1d2c3b-4a59-4687-9a0b-c1d2e3f4a5b6";
    static final ConsultationId CONSULTATION = ConsultationId.parse(ID);
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-01T00:00:00Z");
    static final Pseudonym OFFICER = new Pseudonym("officer-pseudonym-0001");
    static final Pseudonym CITIZEN = new Pseudonym("citizen-pseudonym-0001");
    static final MunicipalityId MAGLAJ = new MunicipalityId("maglaj");

    static final ConsultationOpened OPENED = new ConsultationOpened(ID, "maglaj",
            text("{\"bs\":\"Gdje postaviti novu klupu?\"}"),
            List.of(new ConsultationOpened.Option("park", text("{\"bs\":\"U parku\"}")),
                    new ConsultationOpened.Option("school", text("{\"bs\":\"Kod škole\"}"))),
            NOW, CLOSES, OFFICER.value(), null);

    static List<ConsultationOption> options(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> new ConsultationOption(id, MultilingualText.of("options", Map.of("bs", "Opcija " + id), 1, 200)))
                .toList();
    }

    static OpenConsultation open(List<ConsultationOption> options, Instant opensAt, Instant closesAt) {
        return new OpenConsultation(CONSULTATION, MAGLAJ,
                MultilingualText.of("question", Map.of("bs", "Gdje postaviti novu klupu?"), 5, 500),
                options, opensAt, closesAt, NOW, OFFICER, null);
    }

    private AggregateTestFixture<Consultation> consultations() {
        AggregateTestFixture<Consultation> fixture = new AggregateTestFixture<>(Consultation.class);
        fixture.registerInjectableResource((MunicipalityRegistry) id -> true);
        fixture.registerInjectableResource(new TestVault());
        return fixture;
    }

    private AggregateTestFixture<Consultation> consultationsWithoutIdeas() {
        AggregateTestFixture<Consultation> fixture = consultations();
        fixture.registerInjectableResource((org.civicledger.domain.idea.IdeaStandings) id -> {
            throw new AssertionError("no idea is looked up for a consultation about none");
        });
        return fixture;
    }

    private static ConsultationWindow windowOf(ConsultationStanding standing) {
        return id -> Optional.ofNullable(standing);
    }

    static final ConsultationStanding OPEN = new ConsultationStanding("maglaj", Set.of("park", "school"), NOW, CLOSES, false);

    @Test
    void anOfficerOpensAConsultationWithOptionsAndAWindow() {
        consultationsWithoutIdeas().givenNoPriorActivity()
                .when(open(options("park", "school"), null, CLOSES))
                .expectEvents(new ConsultationOpened(ID, "maglaj", text("{\"bs\":\"Gdje postaviti novu klupu?\"}"),
                        List.of(new ConsultationOpened.Option("park", text("{\"bs\":\"Opcija park\"}")),
                                new ConsultationOpened.Option("school", text("{\"bs\":\"Opcija school\"}"))),
                        NOW, CLOSES, OFFICER.value(), null));
    }

    @Test
    void aConsultationAboutAnIdeaMustBeAboutAnIdeaOfItsMunicipality() {
        org.civicledger.domain.idea.IdeaId mostarIdea = org.civicledger.domain.idea.IdeaId.parse("11111111-2222-4333-8444-555555555555");
        AggregateTestFixture<Consultation> fixture = consultations();
        fixture.registerInjectableResource((org.civicledger.domain.idea.IdeaStandings) id ->
                new org.civicledger.domain.idea.IdeaStanding("mostar", org.civicledger.domain.idea.IdeaStatus.FORWARDED, false, NOW));
        OpenConsultation aboutMostar = new OpenConsultation(CONSULTATION, MAGLAJ,
                MultilingualText.of("question", Map.of("bs", "Šta mislite o ideji?"), 5, 500),
                options("yes", "no"), null, CLOSES, NOW, OFFICER, mostarIdea);

        fixture.givenNoPriorActivity().when(aboutMostar)
                .expectException(InvalidField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("mostar"));
    }

    @Test
    void aConsultationNeedsTwoDistinctOptionsAndAFutureWindow() {
        consultationsWithoutIdeas().givenNoPriorActivity().when(open(options("park"), null, CLOSES)).expectException(InvalidField.class);
        consultationsWithoutIdeas().givenNoPriorActivity().when(open(options("park", "park"), null, CLOSES)).expectException(InvalidField.class);
        consultationsWithoutIdeas().givenNoPriorActivity().when(open(options("park", "school"), null, NOW.minusSeconds(1)))
                .expectException(InvalidField.class);
        consultationsWithoutIdeas().givenNoPriorActivity().when(open(options("park", "school"), CLOSES, CLOSES))
                .expectException(InvalidField.class);
    }

    @Test
    void onlyAnOfficerOfTheMunicipalityClosesIt() {
        consultationsWithoutIdeas().given(OPENED)
                .when(new CloseConsultation(CONSULTATION, new MunicipalityId("mostar"), OFFICER))
                .expectException(NotPermitted.class);
        consultationsWithoutIdeas().given(OPENED)
                .when(new CloseConsultation(CONSULTATION, MAGLAJ, OFFICER))
                .expectEvents(new ConsultationClosed(ID, OFFICER.value()));
    }

    @Test
    void theConclusionIsPublishedOnceTheConsultationIsClosed() {
        consultationsWithoutIdeas().given(OPENED)
                .when(new PublishConclusion(CONSULTATION, MAGLAJ, "Klupa ide u park.", NOW, OFFICER))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("closed"));
        consultationsWithoutIdeas().given(OPENED, new ConsultationClosed(ID, OFFICER.value()))
                .when(new PublishConclusion(CONSULTATION, MAGLAJ, "Klupa ide u park.", NOW, OFFICER))
                .expectEvents(new ConsultationConcluded(ID, text("Klupa ide u park."), OFFICER.value()));
        consultationsWithoutIdeas().given(OPENED)
                .when(new PublishConclusion(CONSULTATION, MAGLAJ, "Klupa ide u park.", CLOSES, OFFICER))
                .expectEvents(new ConsultationConcluded(ID, text("Klupa ide u park."), OFFICER.value()));
    }

    @Test
    void aPersonAnswersOnceWithinTheWindow() {
        AnswerId answer = new AnswerId(CONSULTATION, CITIZEN);
        AggregateTestFixture<ConsultationAnswer> fixture = new AggregateTestFixture<>(ConsultationAnswer.class);
        fixture.registerInjectableResource(new TestVault());
        fixture.registerInjectableResource(windowOf(OPEN));

        fixture.givenNoPriorActivity()
                .when(new AnswerConsultation(answer, "park", NOW.plusSeconds(60)))
                .expectEvents(new ConsultationAnswered(ID, "park", CITIZEN.value()));
        fixture.given(new ConsultationAnswered(ID, "park", CITIZEN.value()))
                .when(new AnswerConsultation(answer, "school", NOW.plusSeconds(60)))
                .expectException(StateConflict.class);
    }

    @Test
    void answersOutsideTheWindowOrForUnknownOptionsAreRefused() {
        AnswerId answer = new AnswerId(CONSULTATION, CITIZEN);
        AggregateTestFixture<ConsultationAnswer> fixture = new AggregateTestFixture<>(ConsultationAnswer.class);
        fixture.registerInjectableResource(new TestVault());
        fixture.registerInjectableResource(windowOf(OPEN));

        fixture.givenNoPriorActivity().when(new AnswerConsultation(answer, "park", CLOSES))
                .expectException(StateConflict.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("open"));
        fixture.givenNoPriorActivity().when(new AnswerConsultation(answer, "park", NOW.minusSeconds(1)))
                .expectException(StateConflict.class);
        fixture.givenNoPriorActivity().when(new AnswerConsultation(answer, "pool", NOW.plusSeconds(1)))
                .expectException(InvalidField.class);
    }

    @Test
    void aClosedConsultationTakesNoAnswers() {
        AggregateTestFixture<ConsultationAnswer> fixture = new AggregateTestFixture<>(ConsultationAnswer.class);
        fixture.registerInjectableResource(new TestVault());
        fixture.registerInjectableResource(windowOf(new ConsultationStanding("maglaj", Set.of("park"), NOW, CLOSES, true)));

        fixture.givenNoPriorActivity().when(new AnswerConsultation(new AnswerId(CONSULTATION, CITIZEN), "park", NOW))
                .expectException(StateConflict.class);
    }

    @Test
    void anAnswerToAnUnknownConsultationIsNotFound() {
        AggregateTestFixture<ConsultationAnswer> fixture = new AggregateTestFixture<>(ConsultationAnswer.class);
        fixture.registerInjectableResource(new TestVault());
        fixture.registerInjectableResource(windowOf(null));

        fixture.givenNoPriorActivity().when(new AnswerConsultation(new AnswerId(CONSULTATION, CITIZEN), "park", NOW))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aBenchOpinionIsCountedOncePerMessage() {
        UUID message = UUID.fromString("0a0b0c0d-0000-4000-8000-000000000001");
        AggregateTestFixture<BenchOpinion> fixture = new AggregateTestFixture<>(BenchOpinion.class);
        fixture.registerInjectableResource(windowOf(OPEN));
        GiveBenchOpinion opinion = new GiveBenchOpinion(new BenchOpinionId(message), CONSULTATION, "school", "bench-maglaj",
                MAGLAJ, NOW.plusSeconds(5));

        fixture.givenNoPriorActivity().when(opinion)
                .expectEvents(new BenchOpinionGiven(message.toString(), ID, "school", "bench-maglaj"));
        fixture.given(new BenchOpinionGiven(message.toString(), ID, "school", "bench-maglaj")).when(opinion)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAnswerCarriesTheRespondentsStatedProfileSealedUnderTheirTag() {
        ErasureTag tag = new ErasureTag("respondents-tag");
        Profile profile = new Profile("FEMALE", null, "Centar");
        AggregateTestFixture<ConsultationAnswer> fixture = new AggregateTestFixture<>(ConsultationAnswer.class);
        fixture.registerInjectableResource(new TestVault());
        fixture.registerInjectableResource(windowOf(OPEN));

        fixture.givenNoPriorActivity()
                .when(new AnswerConsultation(new AnswerId(CONSULTATION, CITIZEN), "park", NOW.plusSeconds(60),
                        new Participant(CITIZEN, tag, profile), null))
                .expectEvents(new ConsultationAnswered(ID, "park", CITIZEN.value(), text(profile.encode(), tag)));
    }

    @Test
    void aPersonErasedAfterTheConsultationOpenedCannotAnswerIt() {
        AggregateTestFixture<ConsultationAnswer> fixture = new AggregateTestFixture<>(ConsultationAnswer.class);
        fixture.registerInjectableResource(new TestVault());
        fixture.registerInjectableResource(windowOf(OPEN));

        fixture.givenNoPriorActivity()
                .when(new AnswerConsultation(new AnswerId(CONSULTATION, CITIZEN), "park", NOW.plusSeconds(60),
                        new Participant(CITIZEN, new ErasureTag("t"), null), NOW.plusSeconds(30)))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("erased"))
                .expectNoEvents();
    }

    @Test
    void aMultilingualTextIsSealedAsOneJsonObjectInTagOrder() {
        org.assertj.core.api.Assertions.assertThat(
                MultilingualText.of("question", Map.of("sr-Cyrl", "Где?", "bs", "Gdje \"tačno\"?"), 1, 100).toJson())
                .isEqualTo("{\"bs\":\"Gdje \\\"tačno\\\"?\",\"sr-Cyrl\":\"Где?\"}");
    }

    @Test
    void aBenchGivesNoOpinionOnAnotherMunicipalitysConsultation() {
        AggregateTestFixture<BenchOpinion> fixture = new AggregateTestFixture<>(BenchOpinion.class);
        fixture.registerInjectableResource(windowOf(OPEN));

        fixture.givenNoPriorActivity()
                .when(new GiveBenchOpinion(new BenchOpinionId(UUID.randomUUID()), CONSULTATION, "school", "bench-zepce",
                        new MunicipalityId("zepce"), NOW.plusSeconds(5)))
                .expectException(NotPermitted.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("zepce"))
                .expectNoEvents();
    }
}
