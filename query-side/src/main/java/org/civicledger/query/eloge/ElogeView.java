package org.civicledger.query.eloge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A municipality's ELoGE view of a year: the principles of a catalogue, each with the indicators
 * computed from events (value, formula, inputs, change against the previous year) beside the
 * municipality's self-assessment and the citizen survey.
 */
public record ElogeView(String municipalityId, String name, int year, CatalogueRef catalogue, List<String> catalogues,
                        List<PrincipleView> principles, Recorded selfAssessment, Recorded survey) {

    public record CatalogueRef(String version, Map<String, String> name, String source, Catalogue.Scale scale) {
    }

    public record PrincipleView(int number, String key, Map<String, String> name, List<IndicatorView> indicators,
                                String note, Score selfAssessment, Score survey) {
    }

    public record IndicatorView(String id, String metric, String unit, String better, String formula, Double value,
                                Map<String, Object> inputs, Double previousYear, Double change) {
    }

    public record Score(int score, String evidence) {
    }

    /** When an assessment was recorded, against which catalogue, and by how many respondents (surveys). */
    public record Recorded(String catalogue, Instant recordedAt, Integer respondents) {
    }
}
