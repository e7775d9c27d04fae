package org.civicledger.domain.eloge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.civicledger.domain.shared.TestVault.text;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.TestVault;
import org.junit.jupiter.api.Test;

class ElogeAssessmentTest {

    static final MunicipalityId TREBINJE = new MunicipalityId("trebinje");
    static final AssessmentId ID = new AssessmentId(TREBINJE, 2025);
    static final Pseudonym OFFICER = new Pseudonym("officer-pseudonym-0001");

    private final AggregateTestFixture<ElogeAssessment> fixture = new AggregateTestFixture<>(ElogeAssessment.class);

    {
        fixture.registerInjectableResource(new TestVault());
    }

    @Test
    void aSelfAssessmentWithEvidenceIsRecorded() {
        List<PrincipleScore> scores = List.of(new PrincipleScore(2, 70, "Odgovori u roku od 30 dana: izvještaj 2025"));

        fixture.givenNoPriorActivity()
                .when(new RecordSelfAssessment(ID, TREBINJE, "2008", scores, OFFICER))
                .expectEvents(new SelfAssessmentRecorded("trebinje", 2025, "2008", List.of(new SelfAssessmentRecorded.Score(
                        2, 70, text("Odgovori u roku od 30 dana: izvještaj 2025"))), OFFICER.value()));
    }

    @Test
    void aSelfAssessmentWithoutEvidenceOrWithATwiceScoredPrincipleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordSelfAssessment(ID, TREBINJE, "2008", List.of(new PrincipleScore(2, 70, null)), OFFICER))
                .expectException(InvalidField.class);
        fixture.givenNoPriorActivity()
                .when(new RecordSelfAssessment(ID, TREBINJE, "2008", List.of(new PrincipleScore(2, 70, "Dokaz A"),
                        new PrincipleScore(2, 60, "Dokaz B")), OFFICER))
                .expectException(InvalidField.class);
    }

    @Test
    void surveyResultsAreRecordedWithTheirRespondents() {
        List<PrincipleScore> scores = List.of(new PrincipleScore(4, 55, null));

        fixture.given(new SelfAssessmentRecorded("trebinje", 2025, "2008",
                        List.of(new SelfAssessmentRecorded.Score(2, 70, text("Dokaz"))), OFFICER.value()))
                .when(new RecordSurveyResults(ID, TREBINJE, "2008", 412, scores, OFFICER))
                .expectEvents(new SurveyResultsRecorded("trebinje", 2025, "2008", 412, scores, OFFICER.value()));
    }

    @Test
    void evidenceGivenWithSurveyResultsIsNotRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordSurveyResults(ID, TREBINJE, "2008", 40, List.of(new PrincipleScore(4, 55, "Komentar")), OFFICER))
                .expectEvents(new SurveyResultsRecorded("trebinje", 2025, "2008", 40, List.of(new PrincipleScore(4, 55, null)),
                        OFFICER.value()));
    }

    @Test
    void onlyTheMunicipalitysOwnOfficerRecords() {
        fixture.givenNoPriorActivity()
                .when(new RecordSurveyResults(ID, new MunicipalityId("ravno"), "2008", 10,
                        List.of(new PrincipleScore(4, 55, null)), OFFICER))
                .expectException(NotPermitted.class);
    }

    @Test
    void principlesAreOneToTwelveAndScoresZeroToHundred() {
        assertThatThrownBy(() -> new PrincipleScore(13, 50, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new PrincipleScore(1, 101, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new AssessmentId(TREBINJE, 1999)).isInstanceOf(InvalidField.class);
    }
}
