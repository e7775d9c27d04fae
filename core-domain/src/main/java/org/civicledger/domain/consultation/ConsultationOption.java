package org.civicledger.domain.consultation;

import org.civicledger.domain.shared.Text;

/** One answer people can choose: a short slug ({@code optionId}) and its label in each language. */
public record ConsultationOption(String optionId, MultilingualText label) {

    public ConsultationOption {
        optionId = Text.requireSlug("options", optionId, 40);
    }
}
