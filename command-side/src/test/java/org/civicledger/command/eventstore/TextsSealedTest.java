package org.civicledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.eloge.SelfAssessmentRecorded;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.shared.SealedText;
import org.junit.jupiter.api.Test;

/** Revision 1 events, as they were stored, read as revision 2 with their texts plain. */
class TextsSealedTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    private Object read(String type, String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", "stream-1", 0, "event-1",
                Instant.parse("2026-01-01T00:00:00Z"), "org.civicledger.domain." + type, revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer,
                new TextsSealed());
        return events.next().getPayload();
    }

    @Test
    void anIdeaOfRevisionOneReadsWithItsTitleAndDescriptionPlain() {
        IdeaSubmitted idea = (IdeaSubmitted) read("idea.IdeaSubmitted", "1", """
                {"ideaId":"i","municipalityId":"mostar","localCommunity":null,"topic":"parks","title":"Klupa",
                 "description":"Nova klupa","language":"bs","channel":"WEB","authorPseudonym":"p-0123456789abcdef"}""");

        assertThat(idea.title()).isEqualTo(SealedText.plain("Klupa"));
        assertThat(idea.description()).isEqualTo(SealedText.plain("Nova klupa"));
        assertThat(idea.profile()).isNull();
        assertThat(idea.benchId()).isNull();
    }

    @Test
    void aMissingNoteStaysMissing() {
        ProgressReported progress = (ProgressReported) read("idea.ProgressReported", "1", """
                {"ideaId":"i","percent":40,"note":null,"officerPseudonym":"o-0123456789abcdef"}""");

        assertThat(progress.note()).isNull();
    }

    @Test
    void textsByLanguageBecomeOnePlainJsonObjectInTagOrder() {
        ConsultationOpened opened = (ConsultationOpened) read("consultation.ConsultationOpened", "1", """
                {"consultationId":"c","municipalityId":"maglaj","question":{"sr-Cyrl":"Где?","bs":"Gdje?"},
                 "options":[{"optionId":"park","label":{"bs":"U parku"}}],"opensAt":"2026-01-01T00:00:00Z",
                 "closesAt":"2026-02-01T00:00:00Z","officerPseudonym":"o-0123456789abcdef","ideaId":null}""");

        assertThat(opened.question()).isEqualTo(SealedText.plain("{\"bs\":\"Gdje?\",\"sr-Cyrl\":\"Где?\"}"));
        assertThat(opened.options().get(0).label()).isEqualTo(SealedText.plain("{\"bs\":\"U parku\"}"));
    }

    @Test
    void textsInsideAListAreReached() {
        SelfAssessmentRecorded recorded = (SelfAssessmentRecorded) read("eloge.SelfAssessmentRecorded", "1", """
                {"municipalityId":"trebinje","year":2025,"catalogue":"2008",
                 "scores":[{"principle":2,"score":70,"evidence":"Izvještaj 2025"}],"officerPseudonym":"o-0123456789abcdef"}""");

        assertThat(recorded.scores().get(0).evidence()).isEqualTo(SealedText.plain("Izvještaj 2025"));
    }

    @Test
    void aRevisionTwoEventIsLeftAsItIs() {
        IdeaSubmitted idea = (IdeaSubmitted) read("idea.IdeaSubmitted", "2", """
                {"ideaId":"i","municipalityId":"mostar","localCommunity":null,"topic":"parks",
                 "title":{"key":"k","sealed":"s","digest":"d","plain":null},
                 "description":{"key":"k2","sealed":"s2","digest":"d2","plain":null},
                 "language":"bs","channel":"WEB","authorPseudonym":"p-0123456789abcdef","benchId":null,"profile":null}""");

        assertThat(idea.title()).isEqualTo(SealedText.sealed("k", "s", "d"));
    }
}
