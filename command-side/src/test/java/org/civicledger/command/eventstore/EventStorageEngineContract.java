package org.civicledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.civicledger.domain.shared.StreamsByPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every event storage engine of Civic Ledger must do, whatever it stores events in. Each engine
 * passes this same suite by extending it and saying how to build the engine ({@link #engine}); the
 * engines share one store per class, so every test works on aggregates of its own and filters the
 * shared tracking stream to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventStorageEngineContract {

    /** An event of the tests. */
    public record Noted(String text, int number) {
    }

    /** The same event as it was stored before {@code note} became {@code text} (revision null, upcast to "2"). */
    public record LegacyNoted(String note, int number) {
    }

    protected static final Serializer SERIALIZER = Jackson3Serializer.builder().build();
    protected static final EventUpcaster UPCASTERS = new EventUpcasterChain(new NoteRenamed());

    private EventStorageEngine engine;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** The engine under test, with {@link #SERIALIZER} for events and snapshots and {@link #UPCASTERS}. */
    protected abstract EventStorageEngine engine() throws Exception;

    /** Appends run in this; engines that need no transaction keep the default. */
    protected TransactionManager transactions() {
        return NoTransactionManager.INSTANCE;
    }

    /** Which engine this is, for the report. */
    protected abstract String name();

    protected void release() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        engine = engine();
        System.out.println("Event storage engine contract: running on " + name());
    }

    @AfterAll
    void stop() throws Exception {
        release();
    }

    // ---- the contract

    @Test
    void appendedEventsReadBackInOrderWithEverythingAxonKeeps() {
        String aggregate = aggregate("read-back");
        List<DomainEventMessage<?>> events = List.of(event(aggregate, 0, "first"), event(aggregate, 1, "second"),
                event(aggregate, 2, "third"));
        append(events);

        List<? extends DomainEventMessage<?>> read = engine.readEvents(aggregate).asStream().toList();
        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DomainEventMessage<?> stored = read.get(i);
            assertThat(stored.getIdentifier()).isEqualTo(events.get(i).getIdentifier());
            assertThat(stored.getAggregateIdentifier()).isEqualTo(aggregate);
            assertThat(stored.getType()).isEqualTo("Note");
            assertThat(stored.getSequenceNumber()).isEqualTo(i);
            assertThat(stored.getTimestamp()).as("kept to the millisecond")
                    .isEqualTo(events.get(i).getTimestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(stored.getPayload()).isEqualTo(events.get(i).getPayload());
            assertThat(stored.getMetaData()).containsEntry("actor", "tester").containsEntry("number", 7);
        }
        assertThat(engine.readEvents(aggregate, 1).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(1L, 2L);
        assertThat(engine.lastSequenceNumberFor(aggregate)).contains(2L);
        assertThat(engine.readEvents(aggregate("never-written")).asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor(aggregate("never-written"))).isEmpty();
    }

    @Test
    void aSecondWriterAtTheSamePositionGetsAConcurrencyFailureAndNothingIsLost() {
        String aggregate = aggregate("optimistic");
        append(List.of(event(aggregate, 0, "created")));
        append(List.of(event(aggregate, 1, "one writer")));
        assertThatThrownBy(() -> append(List.of(event(aggregate, 1, "another writer"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> append(List.of(event(aggregate, 0, "created again"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts(aggregate)).containsExactly("created", "one writer");
    }

    @Test
    void ofManyConcurrentWritersExactlyOneWinsEachPosition() throws Exception {
        String aggregate = aggregate("race");
        append(List.of(event(aggregate, 0, "created")));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (long sequence = 1; sequence <= 5; sequence++) {
                long at = sequence;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    attempts.add(pool.submit(() -> {
                        go.await();
                        try {
                            append(List.of(event(aggregate, at, "writer " + writer)));
                            return true;
                        } catch (ConcurrencyException lost) {
                            return false;
                        }
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> attempt : attempts) {
                    won += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("writers that won position " + at).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aCommandsEventsAreStoredAllOrNothing() {
        String first = aggregate("atomic-a");
        String second = aggregate("atomic-b");
        append(List.of(event(second, 0, "already there")));
        assertThatThrownBy(() -> append(List.of(event(first, 0, "new"), event(second, 0, "conflicting"))))
                .isInstanceOfAny(ConcurrencyException.class, AggregateStreamCreationException.class);
        assertThat(texts(first)).as("nothing of the failed command").isEmpty();
        assertThat(texts(second)).containsExactly("already there");
    }

    @Test
    void aRetriedAppendOfTheSameWriteNeverStoresASecondCopy() {
        String aggregate = aggregate("retry");
        Map<String, Object> key = Map.of("idempotencyKey", "bench-message:" + aggregate);
        DomainEventMessage<?> once = event(aggregate, 0, "bench idea", key);
        append(List.of(once));
        DomainEventMessage<?> again = event(aggregate, 0, "bench idea", key); // the command again: a new Axon event
        try {
            append(List.of(again)); // absorbed (KurrentDB: same record id) ...
        } catch (AggregateStreamCreationException refused) {
            // ... or refused as a second creation (PostgreSQL's unique key): either way, one copy
        }
        assertThat(texts(aggregate)).containsExactly("bench idea");
        assertThat(tracked(null, Set.of(aggregate))).hasSize(1);
    }

    @Test
    void trackingFromTheTailSeesEveryEventOnceInTheOrderOfAppendingAcrossAggregates() {
        String x = aggregate("order-x");
        String y = aggregate("order-y");
        append(List.of(event(x, 0, "x0")));
        append(List.of(event(y, 0, "y0")));
        append(List.of(event(x, 1, "x1"), event(x, 2, "x2")));
        append(List.of(event(y, 1, "y1")));

        List<TrackedEventMessage<?>> seen = tracked(engine.createTailToken(), Set.of(x, y));
        assertThat(seen.stream().map(e -> ((Noted) e.getPayload()).text())).containsExactly("x0", "y0", "x1", "x2", "y1");
        for (int i = 1; i < seen.size(); i++) {
            TrackingToken before = seen.get(i - 1).trackingToken();
            TrackingToken after = seen.get(i).trackingToken();
            assertThat(after.covers(before)).isTrue();
            assertThat(before.covers(after)).isFalse();
        }
        // a processor resuming from any event's token sees exactly what followed it
        assertThat(tracked(seen.get(2).trackingToken(), Set.of(x, y)).stream().map(e -> ((Noted) e.getPayload()).text()))
                .containsExactly("x2", "y1");
    }

    @Test
    void trackingFromTheHeadSeesOnlyWhatIsAppendedAfterwards() {
        String before = aggregate("before-head");
        String after = aggregate("after-head");
        append(List.of(event(before, 0, "old")));
        TrackingToken head = engine.createHeadToken();
        append(List.of(event(after, 0, "new")));
        assertThat(tracked(head, Set.of(before, after)).stream().map(e -> ((Noted) e.getPayload()).text()))
                .containsExactly("new");
    }

    @Test
    void aTokenAtAnInstantStartsWithTheFirstEventFromThatInstant() {
        String aggregate = aggregate("instant");
        // every event already stored is older than `earlier`; `later` is ahead of them all
        Instant earlier = Instant.now().plusSeconds(1);
        Instant later = earlier.plusSeconds(60);
        append(List.of(event(aggregate, 0, "earlier", Map.of(), earlier)));
        append(List.of(event(aggregate, 1, "later", Map.of(), later)));
        assertThat(tracked(engine.createTokenAt(earlier.plusSeconds(30)), Set.of(aggregate)).stream()
                .map(e -> ((Noted) e.getPayload()).text())).containsExactly("later");
        assertThat(tracked(engine.createTokenAt(earlier), Set.of(aggregate)).stream()
                .map(e -> ((Noted) e.getPayload()).text())).containsExactly("earlier", "later");
    }

    @Test
    void theNewestSnapshotIsReadBackAndSnapshotsNeverReachProcessors() {
        String aggregate = aggregate("snapshot");
        append(List.of(event(aggregate, 0, "created")));
        engine.storeSnapshot(snapshot(aggregate, 4, "state at 4"));
        engine.storeSnapshot(snapshot(aggregate, 9, "state at 9"));
        DomainEventMessage<?> newest = engine.readSnapshot(aggregate).orElseThrow();
        assertThat(newest.getSequenceNumber()).isEqualTo(9);
        assertThat(((Noted) newest.getPayload()).text()).isEqualTo("state at 9");
        assertThat(engine.readSnapshot(aggregate("no-snapshot"))).isEmpty();
        assertThat(tracked(null, Set.of(aggregate))).hasSize(1);
    }

    @Test
    void anEventStoredInAnOlderShapeIsUpcastOnEveryReadPath() {
        String aggregate = aggregate("upcast");
        append(List.of(new GenericDomainEventMessage<>("Note", aggregate, 0,
                new GenericMessage<>(new LegacyNoted("written long ago", 3)), Instant.now())));
        assertThat(engine.readEvents(aggregate).asStream().map(e -> (Object) e.getPayload()))
                .containsExactly(new Noted("written long ago", 3));
        assertThat(tracked(null, Set.of(aggregate)).stream().map(e -> (Object) e.getPayload()))
                .containsExactly(new Noted("written long ago", 3));
    }

    @Test
    void aHundredThousandEventsOverAThousandAggregatesAreAllTrackedOnceInOrder() {
        int aggregates = 1000;
        int each = 100;
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        for (int a = 0; a < aggregates; a++) {
            String aggregate = aggregate("bulk-" + a);
            ids.add(aggregate);
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int s = 0; s < each; s++) {
                events.add(event(aggregate, s, "e" + s));
            }
            append(events);
        }
        long appended = System.nanoTime();
        Map<String, Long> next = new HashMap<>();
        Set<String> identifiers = ConcurrentHashMap.newKeySet();
        Set<String> wanted = Set.copyOf(ids);
        long count;
        try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
            count = all.filter(e -> e instanceof DomainEventMessage<?> d && wanted.contains(d.getAggregateIdentifier()))
                    .peek(e -> {
                        DomainEventMessage<?> d = (DomainEventMessage<?>) e;
                        long expected = next.getOrDefault(d.getAggregateIdentifier(), 0L);
                        assertThat(d.getSequenceNumber()).as(d.getAggregateIdentifier()).isEqualTo(expected);
                        next.put(d.getAggregateIdentifier(), expected + 1);
                        assertThat(identifiers.add(e.getIdentifier())).as("seen once").isTrue();
                    }).count();
        }
        long tracked = System.nanoTime();
        assertThat(count).isEqualTo((long) aggregates * each);
        assertThat(next.values()).containsOnly((long) each);
        assertThat(engine.readEvents(ids.get(500)).asStream()).hasSize(each);
        System.out.printf("Event storage engine contract on %s: 100,000 events appended in %.1f s, tracked in %.1f s%n",
                name(), (appended - started) / 1e9, (tracked - appended) / 1e9);
    }

    @Test
    void streamsAreReadByTheStartOfTheirNamesInTheOrderRecorded() {
        String idea = aggregate("ballot-idea1-");
        append(List.of(event(idea + "amra", 0, "amra votes")));
        append(List.of(event(aggregate("ballot-idea2-") + "amra", 0, "another idea's vote")));
        append(List.of(event(idea + "bojan", 0, "bojan votes")));
        append(List.of(event(idea + "amra", 1, "amra withdraws"), event(idea + "amra", 2, "amra votes again")));
        append(List.of(new GenericDomainEventMessage<>("Note", idea + "cvijeta", 0,
                new GenericMessage<>(new LegacyNoted("cvijeta votes", 0)), Instant.now())));

        try (Stream<? extends DomainEventMessage<?>> read = ((StreamsByPrefix) engine).readStreamsStartingWith(idea)) {
            List<? extends DomainEventMessage<?>> events = read.toList();
            assertThat(events.stream().map(e -> ((Noted) e.getPayload()).text())).as("upcast, in the order recorded")
                    .containsExactly("amra votes", "bojan votes", "amra withdraws", "amra votes again", "cvijeta votes");
            assertThat(events.get(3).getAggregateIdentifier()).isEqualTo(idea + "amra");
            assertThat(events.get(3).getSequenceNumber()).isEqualTo(2);
            assertThat(events.get(3).getMetaData()).containsEntry("actor", "tester");
        }
        try (Stream<? extends DomainEventMessage<?>> none = ((StreamsByPrefix) engine)
                .readStreamsStartingWith(aggregate("ballot-idea3-"))) {
            assertThat(none).isEmpty();
        }
    }

    @Test
    void aPrefixIsMatchedLiterallyNotAsAPattern() {
        append(List.of(event(aggregate("under_score"), 0, "with an underscore")));
        append(List.of(event(aggregate("underXscore"), 0, "with an X")));
        append(List.of(event(aggregate("per%cent"), 0, "with a percent sign")));
        append(List.of(event(aggregate("perhaps"), 0, "with no percent sign")));

        try (Stream<? extends DomainEventMessage<?>> read = ((StreamsByPrefix) engine)
                .readStreamsStartingWith(aggregate("under_"))) {
            assertThat(read.map(e -> ((Noted) e.getPayload()).text())).containsExactly("with an underscore");
        }
        try (Stream<? extends DomainEventMessage<?>> read = ((StreamsByPrefix) engine)
                .readStreamsStartingWith(aggregate("per%"))) {
            assertThat(read.map(e -> ((Noted) e.getPayload()).text())).containsExactly("with a percent sign");
        }
    }

    // ---- helpers

    private String aggregate(String purpose) {
        return "contract-" + run + "-" + purpose;
    }

    private void append(List<? extends EventMessage<?>> events) {
        transactions().executeInTransaction(() -> engine.appendEvents(events));
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String text) {
        return event(aggregate, sequence, text, Map.of());
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String text, Map<String, ?> meta) {
        return event(aggregate, sequence, text, meta, Instant.now());
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String text, Map<String, ?> meta,
                                               Instant at) {
        Map<String, Object> metaData = new HashMap<>(meta);
        metaData.put("actor", "tester");
        metaData.put("number", 7);
        return new GenericDomainEventMessage<>("Note", aggregate, sequence,
                new GenericMessage<>(new Noted(text, (int) sequence), MetaData.from(metaData)), at);
    }

    private static DomainEventMessage<?> snapshot(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequence, new Noted(text, (int) sequence));
    }

    private List<String> texts(String aggregate) {
        return engine.readEvents(aggregate).asStream().map(e -> ((Noted) e.getPayload()).text()).toList();
    }

    /** The events of {@code aggregates} a processor at {@code token} would see, reading without blocking. */
    private List<TrackedEventMessage<?>> tracked(TrackingToken token, Set<String> aggregates) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
            return events.filter(e -> e instanceof DomainEventMessage<?> d && aggregates.contains(d.getAggregateIdentifier()))
                    .collect(Collectors.toList());
        }
    }

    /** Renames {@code note} to {@code text}: how an event's shape changes without touching what is stored. */
    static final class NoteRenamed extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(LegacyNoted.class.getName());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(Noted.class.getName(), "2"), JsonNode.class,
                    node -> {
                        ObjectNode object = (ObjectNode) node;
                        object.set("text", object.remove("note"));
                        return object;
                    });
        }
    }
}
