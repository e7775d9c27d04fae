package org.civicledger.domain.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A municipality opened a consultation: shown on its benches and over the API while the window is
 * open. {@code ideaId} names the idea it asks about, or is null (a field added compatibly: events
 * stored without it read as null).
 */
@Revision("1")
public record ConsultationOpened(String consultationId, String municipalityId, Map<String, String> question,
        List<Option> options, Instant opensAt, Instant closesAt, String officerPseudonym, String ideaId) {

    /** An option as recorded: its slug and labels by language. */
    public record Option(String optionId, Map<String, String> label) {
    }
}
