package org.civicledger.command.eventstore.kurrentdb;

import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamDeletedException;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.civicledger.domain.shared.StreamsByPrefix;

/**
 * Axon's event storage on KurrentDB (EventStoreDB), through the {@code io.kurrent:kurrentdb-client}.
 * <ul>
 *   <li>One stream per aggregate, named from the identifier alone ({@link StreamNames}).</li>
 *   <li>A unit of work's events go out in one atomic append per command: one stream, {@code appendToStream}
 *       with the expected revision (sequence − 1, or no stream for a new aggregate); several streams,
 *       one multi-stream append (KurrentDB 25.1 and later; registering a CSO creates its registration-number
 *       claim and the CSO in one command). A concurrent writer gets Axon's
 *       {@link ConcurrencyException} ({@link AggregateStreamCreationException} when both create).</li>
 *   <li>Record ids are derived where a write is idempotent ({@link StoredEvent#recordId}), so a retried
 *       append is absorbed by the server.</li>
 *   <li>Tracking reads {@code $all} from a {@link KurrentDbPosition} through a server-side filtered
 *       subscription ({@link TrackedRecords}); the head token is the position of this deployment's last
 *       event, the token at an instant is found reading back from the end only as far as that instant.</li>
 *   <li>Snapshots in a stream of their own with {@code $maxCount} 1.</li>
 * </ul>
 * Upcasting and deserialization are Axon's, as on every engine ({@link AbstractEventStorageEngine}).
 */
public class KurrentDbStorageEngine extends AbstractEventStorageEngine implements StreamsByPrefix {

    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
    private static final int PAGE = 500;
    private static final int HEAD_SEARCH_PAGES = 20;

    private final KurrentDBClient client;
    private final StreamNames names;
    private final Duration tailWait;
    private final int batchSize;

    private KurrentDbStorageEngine(Builder builder) {
        super(builder);
        this.client = builder.client;
        this.names = new StreamNames(builder.streamPrefix);
        this.tailWait = builder.tailWait;
        this.batchSize = builder.batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, List<EventData>> byStream = new LinkedHashMap<>();
        Map<String, EventMessage<?>> firstOf = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                    : event.getIdentifier(); // an event of no aggregate: a stream of its own, as JDBC stores it
            long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
            String stream = names.events(aggregateId);
            firstOf.putIfAbsent(stream, event);
            byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(StoredEvent.toRecord(event, aggregateId, sequence,
                    serializer));
        }
        try {
            if (byStream.size() == 1) {
                String stream = byStream.keySet().iterator().next();
                wait(client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected(firstOf.get(stream))),
                        byStream.get(stream).iterator()));
            } else {
                List<AppendStreamRequest> requests = new ArrayList<>();
                byStream.forEach((stream, records) -> requests.add(new AppendStreamRequest(stream, records.iterator(),
                        expected(firstOf.get(stream)))));
                wait(client.multiStreamAppend(requests.iterator()));
            }
        } catch (WrongExpectedVersionException conflict) {
            EventMessage<?> first = firstOf.getOrDefault(conflict.getStreamName(), events.get(0));
            handlePersistenceException(conflict, first);
        }
    }

    /** The stream's state an append expects: none before a new aggregate's first event, else the revision before. */
    private static StreamState expected(EventMessage<?> first) {
        if (first instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() > 0) {
            return StreamState.streamRevision(domain.getSequenceNumber() - 1);
        }
        return StreamState.noStream();
    }

    @Override
    protected void handlePersistenceException(Exception exception, EventMessage<?> failedEvent) {
        if (exception instanceof WrongExpectedVersionException) {
            String detail = exception.getMessage();
            if (failedEvent instanceof DomainEventMessage<?> domain) {
                if (domain.getSequenceNumber() == 0) {
                    throw new AggregateStreamCreationException("Cannot reuse aggregate identifier ["
                            + domain.getAggregateIdentifier() + "]: its stream exists. " + detail, exception);
                }
                throw new ConcurrencyException("An event for aggregate [" + domain.getAggregateIdentifier()
                        + "] at sequence [" + domain.getSequenceNumber() + "] was already appended. " + detail, exception);
            }
            throw new ConcurrencyException("Event [" + failedEvent.getIdentifier() + "] was already appended. " + detail,
                    exception);
        }
        super.handlePersistenceException(exception, failedEvent);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String stream = names.snapshots(snapshot.getAggregateIdentifier());
        EventData record = StoredEvent.toRecord(snapshot, snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(),
                serializer);
        WriteResult written = wait(client.appendToStream(stream, AppendToStreamOptions.get().streamState(StreamState.any()),
                record));
        if (written.getNextExpectedRevision().toRawLong() == 0) { // the stream's first snapshot: keep only the newest
            StreamMetadata onlyTheNewest = new StreamMetadata();
            onlyTheNewest.setMaxCount(1L);
            wait(client.setStreamMetadata(stream, onlyTheNewest));
        }
    }

    // ---- reading an aggregate

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        List<DomainEventData<?>> events = new ArrayList<>();
        long next = firstSequenceNumber;
        while (true) {
            List<ResolvedEvent> page = readStream(names.events(identifier),
                    ReadStreamOptions.get().forwards().fromRevision(next).maxCount(PAGE));
            page.forEach(e -> events.add(StoredEvent.fromRecord(e.getOriginalEvent())));
            if (page.size() < PAGE) {
                return events.stream();
            }
            next = page.get(page.size() - 1).getOriginalEvent().getRevision() + 1;
        }
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return readStream(names.events(aggregateIdentifier), ReadStreamOptions.get().backwards().fromEnd().maxCount(1))
                .stream().findFirst().map(e -> e.getOriginalEvent().getRevision());
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return readStream(names.snapshots(aggregateIdentifier), ReadStreamOptions.get().backwards().fromEnd().maxCount(1))
                .stream().map(e -> StoredEvent.fromRecord(e.getOriginalEvent()));
    }

    private List<ResolvedEvent> readStream(String stream, ReadStreamOptions options) {
        try {
            return wait(client.readStream(stream, options)).getEvents();
        } catch (EventStoreException e) {
            if (e.getCause() instanceof StreamNotFoundException || e.getCause() instanceof StreamDeletedException) {
                return List.of();
            }
            throw failure("Could not read stream " + stream, e.getCause());
        }
    }

    /**
     * The events of every stream named {@code prefix…}: {@code $all} read from the start through a subscription
     * that the server filters to those stream names (only they travel), ending once it has caught up with the
     * log's head as it stood when asked. The server reads the whole log for it; the client gets only the matches.
     */
    @Override
    public Stream<? extends DomainEventMessage<?>> readStreamsStartingWith(String prefix) {
        List<DomainEventData<?>> found = new ArrayList<>();
        try (Stream<TrackedEventData<?>> records = TrackedRecords.after(client, null, new StreamNames(names.prefix() + prefix),
                false, tailWait, batchSize, lastPosition().orElse(null))) {
            records.forEach(record -> found.add((DomainEventData<?>) record));
        }
        return EventStreamUtils.upcastAndDeserializeDomainEvents(found.stream(), getEventSerializer(), upcasterChain)
                .asStream();
    }

    // ---- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (trackingToken != null && !(trackingToken instanceof KurrentDbPosition)) {
            throw new IllegalArgumentException("KurrentDB tracks with a KurrentDbPosition, not " + trackingToken.getClass());
        }
        return TrackedRecords.after(client, (KurrentDbPosition) trackingToken, names, mayBlock, tailWait, batchSize,
                lastPosition().orElse(null));
    }

    @Override
    public TrackingToken createTailToken() {
        return null; // before the first event
    }

    /**
     * The position of this deployment's last event — what a processor that has handled everything stands
     * at, so progress can be compared with it. Found reading back from the end of {@code $all} past the
     * system's own records (statistics every 30 s when the store is quiet); after {@value #HEAD_SEARCH_PAGES}
     * pages without one of ours, the end of {@code $all} itself (as good a starting point, only not equal
     * to any processor's position).
     */
    @Override
    public TrackingToken createHeadToken() {
        return readBack(record -> true, HEAD_SEARCH_PAGES);
    }

    /**
     * The position before the first event of this deployment at or after {@code dateTime} (by the events'
     * own timestamps), read back from the head page by page: the work is the events after that instant.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return readBack(record -> StoredEvent.timestampOf(record).isBefore(dateTime), Integer.MAX_VALUE);
    }

    /**
     * Reads {@code $all} back from its end, a page at a time, to the newest event of this deployment that
     * {@code wanted} accepts, and answers its position; null when the start comes first (also for an empty
     * store); after {@code pages} pages without one, the position of the newest record of all.
     */
    private KurrentDbPosition readBack(Predicate<RecordedEvent> wanted, int pages) {
        Position from = null;
        Position newest = null;
        for (int read = 0; read < pages; read++) {
            ReadAllOptions options = ReadAllOptions.get().backwards().maxCount(PAGE);
            List<ResolvedEvent> page = readAll(from == null ? options.fromEnd() : options.fromPosition(from));
            for (ResolvedEvent resolved : page) {
                RecordedEvent record = resolved.getOriginalEvent();
                if (record.getPosition().equals(from)) {
                    continue; // read on the previous page already
                }
                newest = newest == null ? record.getPosition() : newest;
                if (names.holdsEvents(record.getStreamId()) && wanted.test(record)) {
                    return KurrentDbPosition.of(record.getPosition());
                }
            }
            if (page.size() < PAGE) {
                return null; // reached the start
            }
            from = page.get(page.size() - 1).getOriginalEvent().getPosition();
        }
        return KurrentDbPosition.of(newest);
    }

    private Optional<Position> lastPosition() {
        return readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1)).stream().findFirst()
                .map(e -> e.getOriginalEvent().getPosition());
    }

    private List<ResolvedEvent> readAll(ReadAllOptions options) {
        return wait(client.readAll(options)).getEvents();
    }

    // ---- plumbing

    private static <T> T wait(CompletableFuture<T> call) {
        try {
            return call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WrongExpectedVersionException conflict) {
                throw conflict;
            }
            throw failure("KurrentDB refused the call", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted waiting for KurrentDB", e);
        } catch (Exception e) {
            throw failure("KurrentDB did not answer within " + CALL_LIMIT, e);
        }
    }

    static EventStoreException failure(String what, Throwable cause) {
        return new EventStoreException("KurrentDB: " + what + ": " + (cause == null ? "" : cause.getMessage()), cause);
    }

    /** Builds the engine: the client and the stream prefix are required. */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private KurrentDBClient client;
        private String streamPrefix = "civic-";
        private Duration tailWait = Duration.ofMillis(500);
        private int batchSize = 1000;

        public Builder client(KurrentDBClient client) {
            this.client = client;
            return this;
        }

        public Builder streamPrefix(String streamPrefix) {
            this.streamPrefix = streamPrefix;
            return this;
        }

        /** How long a blocking read waits at the head for a new event before it ends. */
        public Builder tailWait(Duration tailWait) {
            this.tailWait = tailWait;
            return this;
        }

        /** How many events a subscription keeps in hand before the server is held back. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (client == null) {
                throw new org.axonframework.common.AxonConfigurationException("A KurrentDBClient is required");
            }
        }

        public KurrentDbStorageEngine build() {
            return new KurrentDbStorageEngine(this);
        }
    }
}
