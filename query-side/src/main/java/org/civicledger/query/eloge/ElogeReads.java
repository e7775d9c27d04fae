package org.civicledger.query.eloge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.query.municipalday.Figures;
import org.civicledger.query.municipalday.FiguresReader;
import org.civicledger.query.municipality.MunicipalityReader;
import org.civicledger.query.municipality.MunicipalityView;
import org.civicledger.query.readmodel.ReadStore;
import org.civicledger.query.eloge.ElogeView.IndicatorView;
import org.civicledger.query.eloge.ElogeView.PrincipleView;
import org.civicledger.query.eloge.ElogeView.Recorded;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.eloge.ElogeView.Score;
import org.civicledger.query.readstore.SealedDocuments;
import org.civicledger.query.readstore.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/eloge/{municipalityId}?year=&catalogue=}: public. */
@RestController
class ElogeReads {

    private final FiguresReader figures;
    private final MunicipalityReader municipalities;
    private final ReadStore store;
    private final Catalogues catalogues;
    private final Metrics metrics;
    private final Clock clock;
    private final TextVault texts;

    ElogeReads(FiguresReader figures, MunicipalityReader municipalities, ReadStore store, Catalogues catalogues,
               Metrics metrics, Clock clock, TextVault texts) {
        this.figures = figures;
        this.municipalities = municipalities;
        this.store = store;
        this.texts = texts;
        this.catalogues = catalogues;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/eloge/{municipalityId}")
    ElogeView eloge(@PathVariable String municipalityId, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) String catalogue) {
        String slug = new MunicipalityId(municipalityId).slug();
        int y = year == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidField("year", "must be a year from 2000 to 2100");
        }
        Catalogue used = catalogue == null ? catalogues.latest() : catalogues.version(catalogue)
                .orElseThrow(() -> new InvalidField("catalogue", "must be one of " + catalogues.versions()));
        MunicipalityView municipality = municipalities.find(slug)
                .orElseThrow(() -> NotFound.because("No municipality '" + slug + "' is registered"));
        Figures thisYear = figures.ofYear(slug, y);
        Figures lastYear = figures.ofYear(slug, y - 1);
        long at = clock.millis();
        Map<String, Metrics.Measured> now = new HashMap<>();
        Map<String, Metrics.Measured> before = new HashMap<>();
        Optional<Document> recorded = Optional.ofNullable(store.find(AssessmentProjection.ASSESSMENTS, slug + ":" + y));
        Document self = recorded.map(d -> d.get("selfAssessment", Document.class))
                .filter(d -> used.version().equals(d.getString("catalogue"))).orElse(null);
        Document survey = recorded.map(d -> d.get("survey", Document.class))
                .filter(d -> used.version().equals(d.getString("catalogue"))).orElse(null);

        List<Document> sealed = new java.util.ArrayList<>();
        if (self != null) {
            self.getList("scores", Document.class).forEach(score -> sealed.add(score.get("evidence", Document.class)));
        }
        SealedDocuments.Opened evidence = SealedDocuments.open(texts, sealed);
        List<PrincipleView> principles = used.principles().stream().map(p -> new PrincipleView(p.number(), p.key(), p.name(),
                p.indicators().stream().map(i -> {
                    Metrics.Metric metric = metrics.metric(i.metric());
                    Metrics.Measured value = now.computeIfAbsent(i.metric(), k -> metric.compute().apply(thisYear, at));
                    Metrics.Measured previous = before.computeIfAbsent(i.metric(),
                            k -> metric.compute().apply(lastYear, at));
                    return new IndicatorView(i.id(), i.metric(), metric.unit(), metric.better(), metric.formula(),
                            value.value(), value.inputs(), previous.value(),
                            value.value() == null || previous.value() == null ? null : value.value() - previous.value());
                }).toList(),
                p.note(), score(self, p.number(), evidence), score(survey, p.number(), evidence))).toList();

        return new ElogeView(slug, municipality.name(), y,
                new ElogeView.CatalogueRef(used.version(), used.name(), used.source(), used.scale()),
                List.copyOf(catalogues.versions()), principles,
                self == null ? null : new Recorded(self.getString("catalogue"), self.getDate("at").toInstant(), null),
                survey == null ? null : new Recorded(survey.getString("catalogue"), survey.getDate("at").toInstant(),
                        survey.getInteger("respondents")));
    }

    private static Score score(Document assessment, int principle, SealedDocuments.Opened evidence) {
        if (assessment == null) {
            return null;
        }
        return assessment.getList("scores", Document.class).stream()
                .filter(s -> s.getInteger("principle") == principle)
                .findFirst().map(s -> new Score(s.getInteger("score"), evidence.text(s.get("evidence", Document.class))))
                .orElse(null);
    }
}
