package org.civicledger.query.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.query.disclosure.Disclosure;

/**
 * A consultation and its results. Identified answers (signed-in citizens, one each) and anonymous
 * bench opinions are counted apart and never added together. Counts from 1 to 4 are withheld (null), with
 * complementary suppression among the options; {@code disclosure} names each withheld count and why.
 */
public record ConsultationView(String consultationId, String municipalityId, String ideaId, Map<String, String> question,
                               List<OptionResult> options, Instant opensAt, Instant closesAt, String status,
                               String conclusion, Long identifiedAnswers, Long anonymousOpinions,
                               Disclosure.Marker disclosure) {

    public record OptionResult(String optionId, Map<String, String> label, Long identified, Long anonymous) {
    }
}
