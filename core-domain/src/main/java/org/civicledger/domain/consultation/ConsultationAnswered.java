package org.civicledger.domain.consultation;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A person answered a consultation (identified; counted apart from anonymous bench opinions), under
 * their pseudonym in this consultation's context. {@code profile} (added compatibly: events stored
 * before it read as null) is the respondent's stated profile, sealed, or null.
 */
@Revision("1")
public record ConsultationAnswered(String consultationId, String optionId, String respondentPseudonym,
        SealedText profile) {

    /** An answer of someone who stated no profile. */
    public ConsultationAnswered(String consultationId, String optionId, String respondentPseudonym) {
        this(consultationId, optionId, respondentPseudonym, null);
    }
}
