package org.civicledger.query.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of the one pass: every projection, behind a single entry. Each event is fetched and deserialized
 * once, then applied by every projection that handles its kind to the documents of the segment it belongs to
 * ({@link FactKeys}). The changes are written behind, in bulk ({@link WorkingSet}): after {@code writeEvery}
 * (a few tens of milliseconds while the pass keeps up, so that a change shows within a second; longer while it
 * builds from the first event, so that a document many events change is written once for all of them) or when
 * too many documents wait.
 *
 * <p>An event a projection fails on never stops the others and is never skipped silently: its batch is taken
 * again from the last token (nothing half-applied stays in memory), and this time the event is parked — with every
 * later event of the same key, so that their order holds — in a dead-letter queue, from which an administrator
 * retries them once the cause is fixed ({@link #retryParked}).
 */
final class OnePass implements EventHandlerInvoker {

    private static final Logger log = LoggerFactory.getLogger(OnePass.class);

    private final List<Projection> projections;
    private final Map<Class<?>, List<Projection>> byKind = new HashMap<>();
    private final Map<Integer, WorkingSet> workingSets = new ConcurrentHashMap<>();
    private final IntFunction<WorkingSet> workingSet;
    private final Cadence cadence;
    /** A build that applied nothing for this long has caught up (or waits for events): what it has is written. */
    private static final long BUILD_AT_REST_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(250);
    /** Where events that failed are parked; null: failures stop the pass until they succeed. */
    private final SequencedDeadLetterQueue<EventMessage<?>> parked;
    /** Keys with an event parked: their later events wait behind it. */
    private final Set<String> parkedKeys = ConcurrentHashMap.newKeySet();
    /** Events that failed once, by identifier: parked when their batch comes again. */
    private final Map<String, Throwable> failedOnce = new ConcurrentHashMap<>();

    /** When changes are written. */
    record Cadence(long keepingUpNanos, long buildingNanos, int mostChanges) {
    }

    OnePass(List<Projection> projections, IntFunction<WorkingSet> workingSet, Cadence cadence,
            SequencedDeadLetterQueue<EventMessage<?>> parked) {
        this.projections = List.copyOf(projections);
        this.workingSet = workingSet;
        this.cadence = cadence;
        this.parked = parked;
        if (parked != null) {
            parked.deadLetters().forEach(sequence -> sequence.forEach(letter ->
                    parkedKeys.add(FactKeys.keyOf(letter.message().getPayload()))));
        }
        for (Projection projection : projections) {
            for (Class<?> kind : projection.handles()) {
                if (!FactKeys.known(kind)) {
                    throw new IllegalStateException(projection.getClass().getSimpleName() + " handles " + kind.getSimpleName()
                            + ", which has no key in FactKeys");
                }
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(projection);
            }
        }
    }

    List<Projection> projections() {
        return projections;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return byKind.containsKey(event.getPayloadType())
                && (segment.getMask() == 0 || segment.matches(FactKeys.keyOf(event.getPayload()))); // one segment: all
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return byKind.containsKey(payloadType);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) {
        if (parked != null && park(event)) {
            return;
        }
        WorkingSet documents = workingSet(segment.getSegmentId());
        documents.lock().lock();
        try {
            apply(event, documents);
            if (due(documents)) {
                documents.write(projections);
            }
        } catch (RuntimeException | Error failed) {
            documents.forget();
            if (parked != null) {
                failedOnce.put(event.getIdentifier(), failed);
            }
            throw failed;
        } finally {
            documents.lock().unlock();
        }
    }

    private void apply(EventMessage<?> event, WorkingSet documents) {
        Fact fact = fact(event);
        for (Projection projection : byKind.get(event.getPayloadType())) {
            projection.apply(fact, documents);
        }
    }

    /** Parks the event if it failed before, or if an earlier event of its key is parked; says whether it did. */
    private boolean park(EventMessage<?> event) {
        String key = FactKeys.keyOf(event.getPayload());
        Throwable failed = failedOnce.remove(event.getIdentifier());
        if (failed == null && !parkedKeys.contains(key)) {
            return false;
        }
        parked.enqueue(key, new GenericDeadLetter<>(key, event, failed != null ? failed
                : new IllegalStateException("An earlier event of " + key + " is parked: this one waits behind it")));
        parkedKeys.add(key);
        log.warn("Parked event {} ({}) of {}: {}", event.getIdentifier(), event.getPayloadType().getSimpleName(), key,
                failed == null ? "an earlier event of the same key is parked" : failed.getMessage());
        return true;
    }

    /** The parked events, sequence by sequence; empty when failures are not parked. */
    Iterable<Iterable<org.axonframework.messaging.deadletter.DeadLetter<? extends EventMessage<?>>>> parked() {
        return parked == null ? List.of() : parked.deadLetters();
    }

    long parkedSequences() {
        return parked == null ? 0 : parked.amountOfSequences();
    }

    /**
     * Retries the parked sequences, oldest first, each event applied in order to its segment's documents here;
     * answers how many sequences were cleared. A sequence that fails again stays parked.
     */
    long retryParked(int segments) {
        if (parked == null) {
            return 0;
        }
        long before = parked.amountOfSequences();
        for (long attempt = 0; attempt < before; attempt++) {
            parked.process(letter -> {
                EventMessage<?> event = letter.message();
                String key = FactKeys.keyOf(event.getPayload());
                int[] ids = java.util.stream.IntStream.range(0, segments).toArray();
                WorkingSet documents = workingSet(0);
                for (int id : ids) {
                    if (Segment.computeSegment(id, ids).matches(key)) {
                        documents = workingSet(id);
                    }
                }
                documents.lock().lock();
                try {
                    apply(event, documents);
                    documents.write(projections);
                    return Decisions.evict();
                } catch (RuntimeException failed) {
                    documents.forget();
                    return Decisions.requeue(failed);
                } finally {
                    documents.lock().unlock();
                }
            });
        }
        parkedKeys.clear();
        parked.deadLetters().forEach(sequence -> sequence.forEach(letter ->
                parkedKeys.add(FactKeys.keyOf(letter.message().getPayload()))));
        return before - parked.amountOfSequences();
    }

    /** The segment is no longer this pass's (a stop, or another instance took it): what waits is written first. */
    @Override
    public void segmentReleased(Segment segment) {
        WorkingSet documents = workingSets.remove(segment.getSegmentId());
        if (documents != null) {
            writeWaiting(documents);
        }
    }

    @Override
    public boolean supportsReset() {
        return false; // a rebuild builds a new generation beside this one
    }

    /** The working sets of the segments this pass holds now. */
    java.util.Collection<WorkingSet> workingSets() {
        return workingSets.values();
    }

    WorkingSet workingSet(int segment) {
        return workingSets.computeIfAbsent(segment, workingSet::apply);
    }

    /** Writes what waits in a working set no event has changed for a moment: the last changes of a burst. */
    void writeIfIdle(WorkingSet documents, long idleNanos) {
        if (documents.lock().tryLock()) {
            try {
                // a build is read by no one until it is done: its pauses between fetches are no reason to write
                long idle = documents.building() ? Math.max(idleNanos, BUILD_AT_REST_NANOS) : idleNanos;
                if ((documents.hasChanges() || documents.holdsToken()) && documents.idleNanos() >= idle) {
                    documents.write(projections);
                }
            } catch (RuntimeException failed) {
                log.warn("Writing the read models' waiting changes failed; the pass takes the events again: {}",
                        failed.getMessage());
            } finally {
                documents.lock().unlock();
            }
        }
    }

    void writeWaiting(WorkingSet documents) {
        documents.lock().lock();
        try {
            if (documents.hasChanges() || documents.holdsToken()) {
                documents.write(projections);
            }
        } catch (RuntimeException failed) {
            log.warn("Writing the read models' last changes failed; the next pass takes the events again: {}",
                    failed.getMessage());
        } finally {
            documents.lock().unlock();
        }
    }

    private boolean due(WorkingSet documents) {
        return documents.changes() >= cadence.mostChanges()
                || documents.sinceWriteNanos() >= (documents.building() ? cadence.buildingNanos() : cadence.keepingUpNanos());
    }

    private static Fact fact(EventMessage<?> event) {
        String aggregate = null;
        long sequence = -1;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregate = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        long position = event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(-1) : -1;
        return new Fact(event.getPayload(), aggregate, sequence, event.getTimestamp(), position);
    }

    /** The kinds of event some projection of the pass applies. */
    Set<Class<?>> kinds() {
        return byKind.keySet();
    }
}
