package org.civicledger.domain.idea;

import static org.civicledger.domain.shared.TestVault.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.cso.CsoNetwork;
import org.civicledger.domain.cso.CsoStanding;
import org.civicledger.domain.cso.CsoStatus;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.Reason;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TestVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The life of an idea after submission: validation, amendment, action, answer, progress, moderation. */
class IdeaLifecycleTest {

    static final String IDEA = "6c0e3a52-8a1d-4c41-9a55-1b8f3f0f6a01";
    static final IdeaId ID = IdeaId.parse(IDEA);
    static final String AUTHOR = "author-pseudonym-000001";
    static final CsoId CSO_A = new CsoId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final CsoId CSO_B = new CsoId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    static final CsoId CSO_ELSEWHERE = new CsoId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    static final CsoId CSO_SUSPENDED = new CsoId(UUID.fromString("00000000-0000-0000-0000-00000000000d"));
    static final Pseudonym MEMBER = new Pseudonym("member-pseudonym-00001");
    static final Pseudonym OFFICER = new Pseudonym("officer-pseudonym-0001");
    static final Pseudonym MODERATOR = new Pseudonym("moderator-pseudonym-01");

    static final ErasureTag AUTHORS_TAG = new ErasureTag("authors-tag");

    private AggregateTestFixture<Idea> fixture;
    private final TestVault vault = new TestVault();

    @BeforeEach
    void setUp() {
        Map<CsoId, CsoStanding> network = Map.of(
                CSO_A, new CsoStanding(CsoStatus.APPROVED, Set.of("jablanica")),
                CSO_B, new CsoStanding(CsoStatus.APPROVED, Set.of("jablanica", "mostar")),
                CSO_ELSEWHERE, new CsoStanding(CsoStatus.APPROVED, Set.of("mostar")),
                CSO_SUSPENDED, new CsoStanding(CsoStatus.SUSPENDED, Set.of("jablanica")));
        fixture = new AggregateTestFixture<>(Idea.class);
        fixture.registerInjectableResource((CsoNetwork) id -> Optional.ofNullable(network.get(id)));
        fixture.registerInjectableResource(new ValidationQuorum(2));
        fixture.registerInjectableResource((MunicipalityRegistry) id -> true);
        fixture.registerInjectableResource(vault);
    }

    static IdeaSubmitted submitted() {
        return new IdeaSubmitted(IDEA, "jablanica", null, "bridges", text("Popravka starog mosta", AUTHORS_TAG),
                text("Most je oštećen.", AUTHORS_TAG), "bs", Channel.WEB, AUTHOR, null, null);
    }

    static CsoValidationRecorded validation(CsoId cso, ValidationDecision decision, int version) {
        return new CsoValidationRecorded(IDEA, cso.value().toString(), decision, text("Obrazloženje"), version, MEMBER.value());
    }

    static ValidateIdea validate(CsoId cso, ValidationDecision decision) {
        return new ValidateIdea(ID, cso, decision, new Reason("Obrazloženje"), MEMBER);
    }

    static Object[] validated() {
        return new Object[] {submitted(), validation(CSO_A, ValidationDecision.ENDORSE, 1),
            validation(CSO_B, ValidationDecision.ENDORSE, 1),
            new IdeaValidated(IDEA, List.of(CSO_A.value().toString(), CSO_B.value().toString()), 2)};
    }

    static ActionForwarded forwarded() {
        return new ActionForwarded(IDEA, CSO_A.value().toString(), "jablanica", ActionKind.PETITION, text("Peticija"),
                MEMBER.value());
    }

    static IdeaAnswered answered(AnswerDecision decision) {
        return new IdeaAnswered(IDEA, "jablanica", decision, text("Imamo budžet"), "Odjel za infrastrukturu", OFFICER.value());
    }

    static AnswerIdea answer(String municipality, AnswerDecision decision) {
        return new AnswerIdea(ID, new MunicipalityId(municipality), decision, new Reason("Imamo budžet"),
                new Department("Odjel za infrastrukturu"), OFFICER);
    }

    static Participant author() {
        return new Participant(new Pseudonym(AUTHOR), AUTHORS_TAG, null);
    }

    static Object[] plus(Object[] given, Object... more) {
        Object[] all = java.util.Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    @Test
    void aCsoActiveInTheMunicipalityRecordsItsValidation() {
        fixture.given(submitted())
                .when(validate(CSO_A, ValidationDecision.ENDORSE))
                .expectEvents(validation(CSO_A, ValidationDecision.ENDORSE, 1));
    }

    @Test
    void theQuorumOfEndorsementsValidatesTheIdea() {
        fixture.given(submitted(), validation(CSO_A, ValidationDecision.ENDORSE, 1))
                .when(validate(CSO_B, ValidationDecision.ENDORSE))
                .expectEvents(validation(CSO_B, ValidationDecision.ENDORSE, 1),
                        new IdeaValidated(IDEA, List.of(CSO_A.value().toString(), CSO_B.value().toString()), 2));
    }

    @Test
    void aLaterValidationSupersedesTheSameCsosEarlierOne() {
        fixture.given(submitted(), validation(CSO_A, ValidationDecision.ENDORSE, 1),
                        validation(CSO_A, ValidationDecision.ENDORSE, 1))
                .when(validate(CSO_A, ValidationDecision.ENDORSE))
                .expectEvents(validation(CSO_A, ValidationDecision.ENDORSE, 1));
    }

    @Test
    void aCsoNotActiveInTheMunicipalityMayNotValidate() {
        fixture.given(submitted())
                .when(validate(CSO_ELSEWHERE, ValidationDecision.ENDORSE))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aSuspendedCsoMayNotValidate() {
        fixture.given(submitted())
                .when(validate(CSO_SUSPENDED, ValidationDecision.ENDORSE))
                .expectException(NotPermitted.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("SUSPENDED"));
    }

    @Test
    void anUnknownCsoMayNotValidate() {
        fixture.given(submitted())
                .when(validate(new CsoId(UUID.randomUUID()), ValidationDecision.ENDORSE))
                .expectException(NotPermitted.class);
    }

    @Test
    void aRequestForChangesHoldsTheIdeaUntilItIsAmended() {
        fixture.given(submitted(), validation(CSO_A, ValidationDecision.REQUEST_CHANGES, 1))
                .when(validate(CSO_B, ValidationDecision.ENDORSE))
                .expectEvents(validation(CSO_B, ValidationDecision.ENDORSE, 1))
                .expectState(idea -> org.assertj.core.api.Assertions.assertThat(idea.status())
                        .isEqualTo(IdeaStatus.CHANGES_REQUESTED));
    }

    @Test
    void theAuthorAmendsAfterChangesWereRequestedAndValidationStartsAfresh() {
        fixture.given(submitted(), validation(CSO_A, ValidationDecision.REQUEST_CHANGES, 1))
                .when(new AmendIdea(ID, null, new Topic("bridges"), new Title("Popravka mosta, faza 1"),
                        new Description("Novi opis."), Language.BS, author()))
                .expectEvents(new IdeaAmended(IDEA, 2, null, "bridges", text("Popravka mosta, faza 1", AUTHORS_TAG),
                        text("Novi opis.", AUTHORS_TAG), "bs", AUTHOR))
                .expectState(idea -> org.assertj.core.api.Assertions.assertThat(idea.status())
                        .isEqualTo(IdeaStatus.SUBMITTED));
    }

    @Test
    void onlyTheAuthorAmends() {
        fixture.given(submitted(), validation(CSO_A, ValidationDecision.REQUEST_CHANGES, 1))
                .when(new AmendIdea(ID, null, new Topic("bridges"), new Title("Tuđa izmjena"),
                        new Description("x"), Language.BS, Participant.anonymous(MEMBER)))
                .expectException(NotPermitted.class);
    }

    @Test
    void anIdeaWithoutRequestedChangesCannotBeAmended() {
        fixture.given(submitted())
                .when(new AmendIdea(ID, null, new Topic("bridges"), new Title("Izmjena bez razloga"),
                        new Description("x"), Language.BS, author()))
                .expectException(StateConflict.class);
    }

    @Test
    void aValidatedIdeaBecomesAnActionForwardedToTheMunicipality() {
        fixture.given(validated())
                .when(new ForwardAction(ID, CSO_A, ActionKind.PETITION, new Description("Peticija"), MEMBER))
                .expectEvents(forwarded());
    }

    @Test
    void anIdeaThatIsNotValidatedCannotBecomeAnAction() {
        fixture.given(submitted())
                .when(new ForwardAction(ID, CSO_A, ActionKind.PETITION, new Description("Peticija"), MEMBER))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("SUBMITTED"));
    }

    @Test
    void validationEndsOnceTheIdeaIsValidated() {
        fixture.given(validated())
                .when(validate(CSO_A, ValidationDecision.REJECT))
                .expectException(StateConflict.class);
    }

    @Test
    void anOfficerOfTheMunicipalityAnswersAForwardedIdea() {
        fixture.given(plus(validated(), forwarded()))
                .when(answer("jablanica", AnswerDecision.ACCEPTED))
                .expectEvents(answered(AnswerDecision.ACCEPTED));
    }

    @Test
    void anOfficerOfAnotherMunicipalityMayNotAnswer() {
        fixture.given(plus(validated(), forwarded()))
                .when(answer("mostar", AnswerDecision.ACCEPTED))
                .expectException(NotPermitted.class);
    }

    @Test
    void anIdeaThatWasNotForwardedCannotBeAnswered() {
        fixture.given(validated())
                .when(answer("jablanica", AnswerDecision.REJECTED))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("VALIDATED"));
    }

    @Test
    void afterNeedsInformationTheMunicipalityAnswersAgain() {
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.NEEDS_INFORMATION)))
                .when(answer("jablanica", AnswerDecision.PARTIALLY_ACCEPTED))
                .expectEvents(answered(AnswerDecision.PARTIALLY_ACCEPTED));
    }

    @Test
    void progressIsReportedOnAnAcceptedIdeaAndOneHundredCompletesIt() {
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.ACCEPTED),
                        new ProgressReported(IDEA, 40, null, OFFICER.value())))
                .when(new ReportProgress(ID, new MunicipalityId("jablanica"), 100, "Završeno", OFFICER))
                .expectEvents(new ProgressReported(IDEA, 100, text("Završeno"), OFFICER.value()), new IdeaCompleted(IDEA));
    }

    @Test
    void progressFallsOnlyWithANote() {
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.ACCEPTED),
                        new ProgressReported(IDEA, 60, null, OFFICER.value())))
                .when(new ReportProgress(ID, new MunicipalityId("jablanica"), 50, " ", OFFICER))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void progressFallsWithANote() {
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.ACCEPTED),
                        new ProgressReported(IDEA, 60, null, OFFICER.value())))
                .when(new ReportProgress(ID, new MunicipalityId("jablanica"), 50, "Izvođač odustao", OFFICER))
                .expectEvents(new ProgressReported(IDEA, 50, text("Izvođač odustao"), OFFICER.value()));
    }

    @Test
    void progressIsNotReportedOnARejectedOrCompletedIdea() {
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.REJECTED)))
                .when(new ReportProgress(ID, new MunicipalityId("jablanica"), 10, null, OFFICER))
                .expectException(StateConflict.class);
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.ACCEPTED),
                        new ProgressReported(IDEA, 100, null, OFFICER.value()), new IdeaCompleted(IDEA)))
                .when(new ReportProgress(ID, new MunicipalityId("jablanica"), 100, null, OFFICER))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("COMPLETED"));
    }

    @Test
    void progressOutsideZeroToHundredIsRefused() {
        fixture.given(plus(validated(), forwarded(), answered(AnswerDecision.ACCEPTED)))
                .when(new ReportProgress(ID, new MunicipalityId("jablanica"), 101, null, OFFICER))
                .expectException(InvalidField.class);
    }

    @Test
    void moderationHidesWithAReasonAndAnAppealRestores() {
        fixture.given(submitted())
                .when(new HideIdea(ID, new Reason("Govor mržnje"), MODERATOR))
                .expectEvents(new IdeaHidden(IDEA, text("Govor mržnje"), MODERATOR.value()));
        fixture.given(submitted(), new IdeaHidden(IDEA, text("Govor mržnje"), MODERATOR.value()))
                .when(new RestoreIdea(ID, new Reason("Žalba usvojena"), MODERATOR))
                .expectEvents(new IdeaRestored(IDEA, text("Žalba usvojena"), MODERATOR.value()));
    }

    @Test
    void aHiddenIdeaIsNotValidated() {
        fixture.given(submitted(), new IdeaHidden(IDEA, text("Spam"), MODERATOR.value()))
                .when(validate(CSO_A, ValidationDecision.ENDORSE))
                .expectException(StateConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("hidden"));
    }

    @Test
    void aVisibleIdeaIsNotRestored() {
        fixture.given(submitted())
                .when(new RestoreIdea(ID, new Reason("Nema razloga"), MODERATOR))
                .expectException(StateConflict.class);
    }

    @Test
    void aModeratorRedactsTheDescriptionOfTheCurrentVersionAndItsKeyIsDestroyed() {
        fixture.given(submitted())
                .when(new RedactIdeaText(ID, null, "description", new Reason("Broj telefona"), MODERATOR))
                .expectEvents(new IdeaTextRedacted(IDEA, 1, "description", text("Broj telefona"), MODERATOR.value()));
        org.assertj.core.api.Assertions.assertThat(vault.redactedKeys)
                .containsExactly(text("Most je oštećen.", AUTHORS_TAG).key());
    }

    @Test
    void anEarlierVersionsTitleIsRedactedByItsVersion() {
        fixture.given(submitted(), validation(CSO_A, ValidationDecision.REQUEST_CHANGES, 1),
                        new IdeaAmended(IDEA, 2, null, "bridges", text("Nova verzija", AUTHORS_TAG),
                                text("Novi opis.", AUTHORS_TAG), "bs", AUTHOR))
                .when(new RedactIdeaText(ID, 1, "title", new Reason("Ime susjeda"), MODERATOR))
                .expectEvents(new IdeaTextRedacted(IDEA, 1, "title", text("Ime susjeda"), MODERATOR.value()));
        org.assertj.core.api.Assertions.assertThat(vault.redactedKeys)
                .containsExactly(text("Popravka starog mosta", AUTHORS_TAG).key());
    }

    @Test
    void aTextIsRedactedOnce() {
        fixture.given(submitted(), new IdeaTextRedacted(IDEA, 1, "title", text("Ime"), MODERATOR.value()))
                .when(new RedactIdeaText(ID, 1, "title", new Reason("Opet"), MODERATOR))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void aVersionThatDoesNotExistIsNamed() {
        fixture.given(submitted())
                .when(new RedactIdeaText(ID, 3, "title", new Reason("Ime"), MODERATOR))
                .expectException(InvalidField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("versions 1 to 1"));
    }

    @Test
    void aPlainTextFromBeforeSealingCanOnlyBeHidden() {
        fixture.given(new IdeaSubmitted(IDEA, "jablanica", null, "bridges", SealedText.plain("Stari naslov"),
                        SealedText.plain("Stari opis"), "bs", Channel.WEB, AUTHOR, null, null))
                .when(new RedactIdeaText(ID, 1, "description", new Reason("Broj telefona"), MODERATOR))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }
}
