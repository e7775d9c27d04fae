package org.civicledger.domain.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicledger.domain.shared.InvalidField;
import org.junit.jupiter.api.Test;

class MunicipalityIdTest {

    @Test
    void slugsAreAsciiAndTheStreamIsNamespaced() {
        assertThat(new MunicipalityId("novi-grad").toString()).isEqualTo("municipality-novi-grad");
        assertThatThrownBy(() -> new MunicipalityId("Žepče")).isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("municipalityId");
        assertThatThrownBy(() -> new MunicipalityId("-mostar")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new MunicipalityId(null)).isInstanceOf(InvalidField.class);
    }
}
