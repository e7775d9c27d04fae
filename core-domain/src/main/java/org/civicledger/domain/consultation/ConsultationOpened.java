package org.civicledger.domain.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A municipality opened a consultation: shown on its benches and over the API while the window is open. */
@Revision("1")
public record ConsultationOpened(String consultationId, String municipalityId, Map<String, String> question,
        List<Option> options, Instant opensAt, Instant closesAt, String officerPseudonym) {

    /** An option as recorded: its slug and labels by language. */
    public record Option(String optionId, Map<String, String> label) {
    }
}
