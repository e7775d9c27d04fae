package org.civicledger.domain.eloge;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.Text;
import org.civicledger.domain.shared.TextVault;

/**
 * A municipality's ELoGE assessment of one year: self-assessments and citizen-survey results,
 * each recorded as an event; the latest of each counts, earlier ones stay in history.
 */
public class ElogeAssessment {

    @AggregateIdentifier
    private String id;

    protected ElogeAssessment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSelfAssessment command, TextVault vault) {
        requireOwnMunicipality(command.assessmentId(), command.actingFor().slug());
        requireScores(command.scores(), true);
        apply(new SelfAssessmentRecorded(command.assessmentId().municipalityId().slug(), command.assessmentId().year(),
                catalogue(command.catalogue()), command.scores().stream()
                        .map(s -> new SelfAssessmentRecorded.Score(s.principle(), s.score(), vault.seal(s.evidence(), null)))
                        .toList(), command.officer().value()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSurveyResults command) {
        requireOwnMunicipality(command.assessmentId(), command.actingFor().slug());
        requireScores(command.scores(), false);
        if (command.respondents() < 1) {
            throw new InvalidField("respondents", "must be at least 1");
        }
        apply(new SurveyResultsRecorded(command.assessmentId().municipalityId().slug(), command.assessmentId().year(),
                catalogue(command.catalogue()), command.respondents(),
                command.scores().stream().map(s -> new PrincipleScore(s.principle(), s.score(), null)).toList(),
                command.officer().value()));
    }

    private static void requireOwnMunicipality(AssessmentId assessment, String actingFor) {
        if (!assessment.municipalityId().slug().equals(actingFor)) {
            throw new NotPermitted("Only an officer of " + assessment.municipalityId().slug() + " records its assessment");
        }
    }

    private static void requireScores(List<PrincipleScore> scores, boolean evidenceRequired) {
        if (scores == null || scores.isEmpty()) {
            throw new InvalidField("principles", "must score at least one principle");
        }
        Set<Integer> seen = new HashSet<>();
        for (PrincipleScore score : scores) {
            if (!seen.add(score.principle())) {
                throw new InvalidField("principles", "principle " + score.principle() + " is scored twice");
            }
            if (evidenceRequired && score.evidence() == null) {
                throw new InvalidField("principles", "the self-assessment of principle " + score.principle()
                        + " needs its evidence");
            }
        }
    }

    private static String catalogue(String catalogue) {
        return Text.requireSlug("catalogue", catalogue, 20);
    }

    @EventSourcingHandler
    void on(SelfAssessmentRecorded event) {
        id = "eloge-" + event.municipalityId() + "-" + event.year();
    }

    @EventSourcingHandler
    void on(SurveyResultsRecorded event) {
        id = "eloge-" + event.municipalityId() + "-" + event.year();
    }
}
