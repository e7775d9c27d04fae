package org.civicledger.domain.consultation;

import org.axonframework.serialization.Revision;

/** A person answered a consultation (identified; counted apart from anonymous bench opinions). */
@Revision("1")
public record ConsultationAnswered(String consultationId, String optionId, String respondentPseudonym) {
}
