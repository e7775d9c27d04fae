package org.civicledger.query.eloge;

import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.civicledger.domain.eloge.PrincipleScore;
import org.civicledger.domain.eloge.SelfAssessmentRecorded;
import org.civicledger.domain.eloge.SurveyResultsRecorded;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps the latest self-assessment and citizen survey of each municipality and year ({@code eloge}). */
@Component
@Order(7)
public class AssessmentProjection implements Projection {

    public static final ReadCollection ASSESSMENTS = ReadCollection.of("eloge", Rank.VIEW);

    @Override
    public Set<Class<?>> handles() {
        return Set.of(SelfAssessmentRecorded.class, SurveyResultsRecorded.class);
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        Object event = fact.payload();
        String municipalityId = event instanceof SelfAssessmentRecorded self ? self.municipalityId()
                : ((SurveyResultsRecorded) event).municipalityId();
        int year = event instanceof SelfAssessmentRecorded self ? self.year() : ((SurveyResultsRecorded) event).year();
        Document assessment = documents.findOrMake(ASSESSMENTS, municipalityId + ":" + year);
        Number version = assessment.get("version", Number.class);
        if (version != null && version.longValue() >= fact.sequence()) {
            return;
        }
        assessment.append("municipalityId", municipalityId).append("year", year).append("version", fact.sequence());
        if (event instanceof SelfAssessmentRecorded self) {
            assessment.put("selfAssessment", new Document("catalogue", self.catalogue())
                    .append("scores", self.scores().stream().map(score -> new Document("principle", score.principle())
                            .append("score", score.score()).append("evidence", SealedDocuments.of(score.evidence()))).toList())
                    .append("at", Date.from(fact.at())));
        } else {
            SurveyResultsRecorded survey = (SurveyResultsRecorded) event;
            assessment.put("survey", new Document("catalogue", survey.catalogue()).append("respondents", survey.respondents())
                    .append("scores", scores(survey.scores())).append("at", Date.from(fact.at())));
        }
        documents.changed(ASSESSMENTS, assessment);
    }

    private static List<Document> scores(List<PrincipleScore> scores) {
        return scores.stream().map(s -> new Document("principle", s.principle()).append("score", s.score())).toList();
    }
}
