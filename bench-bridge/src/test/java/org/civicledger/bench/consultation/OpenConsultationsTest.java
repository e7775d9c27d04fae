package org.civicledger.bench.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.domain.consultation.ConsultationClosed;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.junit.jupiter.api.Test;

/** The bridge's view of open consultations opens a consultation's texts only when a bench is shown it. */
class OpenConsultationsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** A vault that says which texts were opened. */
    private static final class CountingVault implements TextVault {
        final List<String> opened = new ArrayList<>();

        @Override
        public SealedText seal(String text, ErasureTag writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void redact(SealedText text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OpenedText open(SealedText text) {
            opened.add(text.plain());
            return OpenedText.of(text.plain(), null);
        }
    }

    private final CountingVault vault = new CountingVault();
    private final OpenConsultations consultations = new OpenConsultations(Clock.fixed(NOW, ZoneOffset.UTC), vault);

    private static ConsultationOpened opened(String id, Instant closesAt) {
        return new ConsultationOpened(id, "sarajevo-centar", SealedText.plain("{\"bs\":\"Gdje?\"}"),
                List.of(new ConsultationOpened.Option("park", SealedText.plain("{\"bs\":\"U parku\"}"))),
                NOW.minusSeconds(3_600), closesAt, "officer", null);
    }

    @Test
    void applying_the_events_of_consultations_opens_none_of_their_texts() {
        consultations.on(opened("c-1", NOW.plusSeconds(3_600)));
        consultations.on(opened("c-2", NOW.plusSeconds(7_200)));
        consultations.on(new ConsultationClosed("c-2", "officer"));

        assertThat(vault.opened).isEmpty();
    }

    @Test
    void a_consultation_shown_to_benches_is_opened_once_and_a_closed_one_is_not_shown() {
        consultations.on(opened("c-1", NOW.plusSeconds(3_600)));
        consultations.on(opened("c-2", NOW.plusSeconds(7_200)));
        consultations.on(new ConsultationClosed("c-2", "officer"));

        List<OpenConsultations.Shown> first = consultations.openIn("sarajevo-centar");
        List<OpenConsultations.Shown> again = consultations.openIn("sarajevo-centar");

        assertThat(first).extracting(OpenConsultations.Shown::consultationId).containsExactly("c-1");
        assertThat(first.get(0).question()).containsEntry("bs", "Gdje?");
        assertThat(first.get(0).options().get(0).label()).containsEntry("bs", "U parku");
        assertThat(again).isEqualTo(first);
        assertThat(vault.opened).hasSize(2); // the question and the one option, once
    }

    @Test
    void a_consultation_whose_window_has_passed_is_not_kept() {
        consultations.on(opened("c-1", NOW.minusSeconds(60)));
        consultations.on(opened("c-2", NOW.plusSeconds(3_600)));

        assertThat(consultations.kept()).isEqualTo(1);
        assertThat(consultations.openIn("sarajevo-centar")).extracting(OpenConsultations.Shown::consultationId)
                .containsExactly("c-2");
    }

    @Test
    void a_consultation_whose_window_passes_is_forgotten_when_benches_are_next_shown_theirs() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        OpenConsultations kept = new OpenConsultations(moving, vault);
        kept.on(opened("c-1", NOW.plusSeconds(60)));
        now.set(NOW.plusSeconds(120));

        assertThat(kept.openIn("sarajevo-centar")).isEmpty();
        assertThat(kept.kept()).isZero();
    }
}
