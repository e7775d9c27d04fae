package org.civicledger.domain.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicledger.domain.shared.InvalidField;
import org.junit.jupiter.api.Test;

class IdeaValuesTest {

    @Test
    void titleIsTrimmedAndBoundedInCharactersNotBytes() {
        assertThat(new Title("  Klupa  ").value()).isEqualTo("Klupa");
        assertThat(new Title("ćšđžč").value()).hasSize(5);
        assertThat(new Title("x".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new Title("Kluп")).isInstanceOf(InvalidField.class)
                .hasMessageContaining("5 to 200").extracting(e -> ((InvalidField) e).field()).isEqualTo("title");
        assertThatThrownBy(() -> new Title("x".repeat(201))).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new Title(null)).isInstanceOf(InvalidField.class).hasMessage("must not be blank");
    }

    @Test
    void titleRefusesControlCharactersAndLineBreaks() {
        assertThatThrownBy(() -> new Title("Jedan\nDva tri")).isInstanceOf(InvalidField.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> new Title("Jedan\u0000dva")).isInstanceOf(InvalidField.class);
    }

    @Test
    void titleIsNormalisedToComposedForm() {
        String decomposed = "Z\u030Cepc\u030Ce"; // Žepče with combining carons
        assertThat(new Title(decomposed).value()).isEqualTo("Žepče");
    }

    @Test
    void descriptionAllowsLineBreaksUpToFiveThousandCharacters() {
        assertThat(new Description("Prvi red\nDrugi red").value()).contains("\n");
        assertThat(new Description("ж".repeat(5_000)).value()).hasSize(5_000);
        assertThatThrownBy(() -> new Description("ж".repeat(5_001))).isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("description");
        assertThatThrownBy(() -> new Description(" ")).isInstanceOf(InvalidField.class);
    }

    @Test
    void languageTagsAreTheFiveOfTheProductCaseInsensitive() {
        assertThat(Language.ofTag("sr-cyrl")).isEqualTo(Language.SR_CYRL);
        assertThat(Language.ofTag("SR-Cyrl").tag()).isEqualTo("sr-Cyrl");
        assertThat(Language.ofTag("EN")).isEqualTo(Language.EN);
        assertThatThrownBy(() -> Language.ofTag("de")).isInstanceOf(InvalidField.class)
                .hasMessageContaining("bs, hr, sr, sr-Cyrl, en");
        assertThatThrownBy(() -> Language.ofTag(null)).isInstanceOf(InvalidField.class);
    }

    @Test
    void topicIsALowercaseSlug() {
        assertThat(new Topic(" Public-Lighting ").value()).isEqualTo("public-lighting");
        assertThatThrownBy(() -> new Topic("javna rasvjeta")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new Topic("a--b")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new Topic("")).isInstanceOf(InvalidField.class);
    }

    @Test
    void ideaIdIsAUuidAndItsStreamIsNamespaced() {
        IdeaId id = IdeaId.parse("0b9f6b0e-7d0a-4a43-9f43-6c1c1f2f7a10");
        assertThat(id.toString()).isEqualTo("idea-0b9f6b0e-7d0a-4a43-9f43-6c1c1f2f7a10");
        assertThatThrownBy(() -> IdeaId.parse("42")).isInstanceOf(InvalidField.class);
    }

    @Test
    void localCommunityIsOptional() {
        assertThat(LocalCommunity.optional(null)).isNull();
        assertThat(LocalCommunity.optional(" ")).isNull();
        assertThat(LocalCommunity.optional(" Centar ").name()).isEqualTo("Centar");
    }
}
