package org.civicledger.command.eventstore.kurrentdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.ClientParts;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.MultiStreamAppendResponse;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The KurrentDB engine against a stand-in client: what it asks the server and how it reads the answers.
 * (The same engine passes the engine contract suite against a real server whenever
 * {@code KURRENTDB_CONNECTION_STRING} is set; none can be installed on the CI machine.)
 */
class KurrentDbStorageEngineTest {

    record Noted(String text) {
    }

    private static final Serializer SERIALIZER = Jackson3Serializer.builder().build();

    private KurrentDBClient client;
    private KurrentDbStorageEngine engine;

    @BeforeEach
    void engine() {
        client = mock(KurrentDBClient.class);
        engine = KurrentDbStorageEngine.builder().client(client).streamPrefix("civic-").tailWait(Duration.ofMillis(200))
                .batchSize(8).snapshotSerializer(SERIALIZER).eventSerializer(SERIALIZER).build();
        when(client.appendToStream(anyString(), any(AppendToStreamOptions.class), any(Iterator.class)))
                .thenReturn(CompletableFuture.completedFuture(ClientParts.written(0)));
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String text, Map<String, ?> meta) {
        return new GenericDomainEventMessage<>("Idea", aggregate, sequence,
                new GenericMessage<>(new Noted(text), MetaData.from(meta)), Instant.parse("2026-11-22T10:15:30.123Z"));
    }

    @SuppressWarnings("unchecked")
    private List<EventData> appended(String stream, AppendToStreamOptions[] options) {
        ArgumentCaptor<Iterator<EventData>> records = ArgumentCaptor.forClass(Iterator.class);
        ArgumentCaptor<AppendToStreamOptions> sent = ArgumentCaptor.forClass(AppendToStreamOptions.class);
        verify(client).appendToStream(eq(stream), sent.capture(), records.capture());
        options[0] = sent.getValue();
        List<EventData> data = new ArrayList<>();
        records.getValue().forEachRemaining(data::add);
        return data;
    }

    @Test
    void aCommandsEventsForOneAggregateGoOutAsOneAppendExpectingTheRevisionBefore() {
        engine.appendEvents(List.of(event("idea-1", 3, "three", Map.of()), event("idea-1", 4, "four", Map.of())));
        AppendToStreamOptions[] options = new AppendToStreamOptions[1];
        List<EventData> records = appended("civic-idea-1", options);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getEventType()).isEqualTo(Noted.class.getName());
        assertThat(ClientParts.expectedState(options[0])).isEqualTo(StreamState.streamRevision(2));
        verify(client, never()).multiStreamAppend(any());
    }

    @Test
    void aNewAggregateExpectsNoStream() {
        engine.appendEvents(List.of(event("idea-2", 0, "created", Map.of())));
        AppendToStreamOptions[] options = new AppendToStreamOptions[1];
        appended("civic-idea-2", options);
        assertThat(ClientParts.expectedState(options[0])).isEqualTo(StreamState.noStream());
    }

    @Test
    void eventsForSeveralAggregatesGoOutAsOneMultiStreamAppend() {
        when(client.multiStreamAppend(any())).thenReturn(CompletableFuture.completedFuture(
                new MultiStreamAppendResponse(1, List.of())));
        engine.appendEvents(List.of(event("a", 0, "a0", Map.of()), event("b", 5, "b5", Map.of()), event("a", 1, "a1", Map.of())));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Iterator<AppendStreamRequest>> requests = ArgumentCaptor.forClass(Iterator.class);
        verify(client).multiStreamAppend(requests.capture());
        List<AppendStreamRequest> sent = new ArrayList<>();
        requests.getValue().forEachRemaining(sent::add);
        assertThat(sent).extracting(AppendStreamRequest::getStreamName).containsExactly("civic-a", "civic-b");
        assertThat(sent).extracting(AppendStreamRequest::getExpectedState)
                .containsExactly(StreamState.noStream(), StreamState.streamRevision(4));
        List<EventData> ofA = new ArrayList<>();
        sent.get(0).getEvents().forEachRemaining(ofA::add);
        assertThat(ofA).hasSize(2);
        verify(client, never()).appendToStream(anyString(), any(AppendToStreamOptions.class), any(Iterator.class));
    }

    @Test
    void aLostRaceIsAxonsConcurrencyFailure() {
        when(client.appendToStream(anyString(), any(AppendToStreamOptions.class), any(Iterator.class)))
                .thenReturn(CompletableFuture.failedFuture(ClientParts.conflict("civic-idea-3")));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("idea-3", 0, "created", Map.of()))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("idea-3", 7, "changed", Map.of()))))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void anIdempotentWriteCarriesTheSameRecordIdsEachTimeAndOtherWritesTheirOwn() {
        Map<String, String> key = Map.of(StoredEvent.IDEMPOTENCY_KEY, "bench-message:42");
        EventMessage<?> first = event("bench-report-42", 0, "telemetry", key);
        EventMessage<?> retried = event("bench-report-42", 0, "telemetry", key);
        assertThat(first.getIdentifier()).isNotEqualTo(retried.getIdentifier());
        assertThat(StoredEvent.recordId(first, "bench-report-42", 0)).isEqualTo(StoredEvent.recordId(retried, "bench-report-42", 0));
        EventMessage<?> plain = event("idea-4", 0, "x", Map.of());
        assertThat(StoredEvent.recordId(plain, "idea-4", 0).toString()).isEqualTo(plain.getIdentifier());
    }

    @Test
    void whatIsAppendedReadsBackAsTheSameAxonEvent() {
        DomainEventMessage<?> original = event("idea-5", 0, "Klupa u parku", Map.of("actorRoles", "CITIZEN"));
        engine.appendEvents(List.of(original));
        EventData record = appended("civic-idea-5", new AppendToStreamOptions[1]).get(0);
        ResolvedEvent stored = ClientParts.recorded("civic-idea-5", 0, new Position(10, 10), record);
        when(client.readStream(eq("civic-idea-5"), any(ReadStreamOptions.class)))
                .thenReturn(CompletableFuture.completedFuture(ClientParts.readResult(List.of(stored))));

        DomainEventMessage<?> read = engine.readEvents("idea-5").asStream().findFirst().orElseThrow();
        assertThat(read.getIdentifier()).isEqualTo(original.getIdentifier());
        assertThat(read.getAggregateIdentifier()).isEqualTo("idea-5");
        assertThat(read.getType()).isEqualTo("Idea");
        assertThat(read.getSequenceNumber()).isZero();
        assertThat(read.getTimestamp()).isEqualTo(original.getTimestamp());
        assertThat(read.getPayload()).isEqualTo(new Noted("Klupa u parku"));
        assertThat(read.getMetaData()).containsEntry("actorRoles", "CITIZEN");
    }

    @Test
    void anAggregateWithoutAStreamHasNoEventsAndNoSequence() {
        when(client.readStream(anyString(), any(ReadStreamOptions.class)))
                .thenReturn(CompletableFuture.failedFuture(ClientParts.notFound("civic-none")));
        assertThat(engine.readEvents("none").asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor("none")).isEmpty();
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void snapshotsGoToAStreamOfTheirOwnThatKeepsOnlyTheNewest() {
        when(client.appendToStream(anyString(), any(AppendToStreamOptions.class), any(EventData[].class)))
                .thenReturn(CompletableFuture.completedFuture(ClientParts.written(0)));
        when(client.setStreamMetadata(anyString(), any(StreamMetadata.class)))
                .thenReturn(CompletableFuture.completedFuture(ClientParts.written(0)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Idea", "idea-6", 9, new Noted("state")));
        verify(client).appendToStream(eq("snapshots-civic-idea-6"), any(AppendToStreamOptions.class), any(EventData[].class));
        ArgumentCaptor<StreamMetadata> metadata = ArgumentCaptor.forClass(StreamMetadata.class);
        verify(client).setStreamMetadata(eq("snapshots-civic-idea-6"), metadata.capture());
        assertThat(metadata.getValue().getMaxCount()).isEqualTo(1L);
    }

    // ---- tracking

    private final AtomicReference<SubscriptionListener> listener = new AtomicReference<>();
    private final AtomicReference<SubscribeToAllOptions> subscribed = new AtomicReference<>();
    private final Subscription subscription = mock(Subscription.class);

    private void serverWithHeadAt(Position head) {
        when(client.readAll(any(ReadAllOptions.class))).thenReturn(CompletableFuture.completedFuture(ClientParts.readResult(
                head == null ? List.of() : List.of(ClientParts.recorded("$stats", 0, head, record("civic-x", 0, "stats"))))));
        when(client.subscribeToAll(any(SubscriptionListener.class), any(SubscribeToAllOptions.class))).thenAnswer(call -> {
            listener.set(call.getArgument(0));
            subscribed.set(call.getArgument(1));
            return CompletableFuture.completedFuture(subscription);
        });
    }

    private EventData record(String aggregate, long sequence, String text) {
        return StoredEvent.toRecord(event(aggregate, sequence, text, Map.of()), aggregate, sequence, SERIALIZER);
    }

    private ResolvedEvent recorded(String aggregate, long sequence, long position) {
        return ClientParts.recorded("civic-" + aggregate, sequence, new Position(position, position),
                record(aggregate, sequence, aggregate + sequence));
    }

    /** Delivers from another thread, as the client's gRPC threads do. */
    private void deliver(Runnable delivery) {
        new Thread(() -> {
            while (listener.get() == null) {
                Thread.onSpinWait();
            }
            delivery.run();
        }).start();
    }

    @Test
    void aProcessorCatchingUpReadsAServerFilteredSubscriptionAndStopsAtTheHead() throws Exception {
        serverWithHeadAt(new Position(300, 300));
        deliver(() -> {
            listener.get().onEvent(subscription, recorded("a", 0, 100));
            listener.get().onEvent(subscription, recorded("b", 0, 200));
            listener.get().onEvent(subscription, recorded("a", 1, 250));
            listener.get().onCaughtUp(subscription, Instant.now(), null, new Position(300, 300));
        });
        List<TrackedEventMessage<?>> read;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            read = new ArrayList<>(events.toList());
        }
        assertThat(read).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("a0", "b0", "a1");
        assertThat(read).extracting(TrackedEventMessage::trackingToken)
                .containsExactly(new KurrentDbPosition(100, 100), new KurrentDbPosition(200, 200), new KurrentDbPosition(250, 250));
        assertThat(ClientParts.streamPrefixes(subscribed.get())).as("filtered on the server").hasSize(1)
                .allMatch(prefix -> prefix.contains("civic-"));
        assertThat(ClientParts.startOf(subscribed.get()).isStart()).isTrue();
        verify(subscription).stop();
    }

    @Test
    void aStreamReadToItsEndStopsItsSubscriptionEvenIfNobodyClosesIt() {
        // Axon's event store producer consumes a stream with forEach and reads the next one without closing it
        serverWithHeadAt(new Position(100, 100));
        deliver(() -> {
            listener.get().onEvent(subscription, recorded("a", 0, 100));
            listener.get().onCaughtUp(subscription, Instant.now(), null, new Position(100, 100));
        });
        engine.readEvents(null, true).forEach(event -> { });
        verify(subscription).stop();
    }

    @Test
    void aProcessorResumesAfterItsToken() {
        serverWithHeadAt(new Position(300, 300));
        deliver(() -> listener.get().onCaughtUp(subscription, Instant.now(), null, new Position(300, 300)));
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(new KurrentDbPosition(250, 250), false)) {
            assertThat(events).isEmpty();
        }
        assertThat(ClientParts.startOf(subscribed.get()).getPositionOrThrow()).isEqualTo(new Position(250, 250));
    }

    @Test
    void withoutTheServersWordTheHeadReadAtTheStartEndsTheCatchUp() {
        serverWithHeadAt(new Position(200, 200));
        deliver(() -> {
            listener.get().onEvent(subscription, recorded("a", 0, 100));
            listener.get().onEvent(subscription, recorded("a", 1, 200)); // the head: caught up
        });
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            assertThat(events).hasSize(2);
        }
    }

    @Test
    void aCheckpointPastTheHeadEndsTheCatchUpWhenTheLastEventsWereFilteredOut() throws Exception {
        serverWithHeadAt(new Position(900, 900));
        deliver(() -> {
            listener.get().onEvent(subscription, recorded("a", 0, 100));
            ClientParts.checkpointerOf(subscribed.get()).onCheckpoint(subscription, new Position(900, 900));
        });
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void aBlockingReadHandsOutEventsWrittenAfterItCaughtUpAndEndsAfterAQuietSpell() {
        serverWithHeadAt(new Position(100, 100));
        deliver(() -> {
            listener.get().onEvent(subscription, recorded("a", 0, 100));
            listener.get().onCaughtUp(subscription, Instant.now(), null, new Position(100, 100));
            sleep(50);
            listener.get().onEvent(subscription, recorded("a", 1, 400)); // written while the processor waits
        });
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, true)) {
            assertThat(events).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("a0", "a1");
        }
    }

    @Test
    void aFailedSubscriptionIsAnEventStoreFailureNotAnEndOfEvents() {
        serverWithHeadAt(new Position(300, 300));
        deliver(() -> listener.get().onCancelled(subscription, new IllegalStateException("connection lost")));
        assertThatThrownBy(() -> {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
                events.toList();
            }
        }).hasMessageContaining("connection lost");
    }

    @Test
    void theHeadIsThisDeploymentsLastEventNotTheServersOwnRecordsAfterIt() {
        ResolvedEvent ours = recorded("a", 3, 250);
        ResolvedEvent stats = ClientParts.recorded("$stats-127.0.0.1:2113", 9, new Position(300, 300), record("x", 0, "s"));
        when(client.readAll(any(ReadAllOptions.class))).thenReturn(
                CompletableFuture.completedFuture(ClientParts.readResult(List.of(stats, ours))));
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isEqualTo(new KurrentDbPosition(250, 250));
    }

    @Test
    void aStoreWithNoEventOfThisDeploymentHasItsHeadAtTheTail() {
        serverWithHeadAt(new Position(300, 200)); // a single record: the server's own
        assertThat(engine.createHeadToken()).isNull();
    }

    @Test
    void aStreamPrefixThatWouldLetSnapshotsThroughTheFilterIsRefused() {
        for (String overlapping : List.of("snap", "snapshots-", "snapshots-civic-", "$civic-", " ")) {
            assertThatThrownBy(() -> new StreamNames(overlapping)).as(overlapping)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        StreamNames names = new StreamNames("civic-");
        assertThat(names.events("idea-1")).isEqualTo("civic-idea-1");
        assertThat(names.holdsEvents(names.snapshots("idea-1"))).isFalse();
    }

    @Test
    void positionsOrderAndCoverOneAnother() {
        KurrentDbPosition early = new KurrentDbPosition(100, 90);
        KurrentDbPosition late = new KurrentDbPosition(200, 190);
        assertThat(late.covers(early)).isTrue();
        assertThat(early.covers(late)).isFalse();
        assertThat(early.covers(null)).isTrue();
        assertThat(early.upperBound(late)).isEqualTo(late);
        assertThat(late.lowerBound(early)).isEqualTo(early);
        assertThat(late.position()).as("the prepare position: unique per event").hasValue(190);
        assertThat(new KurrentDbPosition(300, 250).covers(new KurrentDbPosition(300, 240))).as("same append, later event")
                .isTrue();
        assertThat(late.samePositionAs(new KurrentDbPosition(200, 190))).isTrue();
    }

    @Test
    void aPositionSurvivesTheTokenStoresSerializer() {
        KurrentDbPosition token = new KurrentDbPosition(Long.MAX_VALUE - 5, 42);
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(token, byte[].class);
        Object back = SERIALIZER.deserialize(new SimpleSerializedObject<>(serialized.getData(), byte[].class,
                serialized.getType()));
        assertThat(back).isEqualTo(token);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
