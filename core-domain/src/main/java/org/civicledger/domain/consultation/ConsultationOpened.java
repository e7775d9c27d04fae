package org.civicledger.domain.consultation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A municipality opened a consultation: shown on its benches and over the API while the window is
 * open. {@code ideaId} names the idea it asks about, or is null. Revision 2 seals the question and each
 * option's label, each a JSON object of texts by language tag (revision 1 kept the objects in clear).
 */
@Revision("2")
public record ConsultationOpened(String consultationId, String municipalityId, SealedText question,
        List<Option> options, Instant opensAt, Instant closesAt, String officerPseudonym, String ideaId) {

    /** An option as recorded: its slug and its labels by language, sealed as one JSON object. */
    public record Option(String optionId, SealedText label) {
    }
}
