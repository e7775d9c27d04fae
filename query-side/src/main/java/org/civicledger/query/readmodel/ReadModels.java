package org.civicledger.query.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The read models' generations and the pass that keeps each: which generation readers use, building a new one
 * beside it (at the first start, when the documents' layout changed, or on request) and moving readers to it
 * once it has caught up, without a moment of half-built answers.
 *
 * <p>Which generation is current, and which one is being built, is recorded in the read store itself
 * ({@code readModels/generations}), beside the documents and the passes' tokens: a read store that is lost
 * takes all three with it, and the next start builds a generation from the first event.
 */
@Component
public class ReadModels implements SmartLifecycle {

    /**
     * The shape of the documents. A release that changes it raises it: the next start builds a new generation
     * (readers are answered 503 meanwhile, as there is no generation of the new shape to answer from).
     */
    public static final int LAYOUT = 3;

    static final String META = "readModels";
    private static final String GENERATIONS = "generations";
    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    /** A pass running here: the generation it keeps, its handlers and its processor. */
    private record Running(Generation generation, OnePass pass, TrackingEventProcessor processor, Instant startedAt,
                           long startedAtPosition) {
    }

    /** How far a pass has come. */
    public record Progress(int generation, boolean building, boolean caughtUp, boolean error, String errorMessage,
                           Long position, Long head, Double percent, Double eventsPerSecond, Long secondsLeft) {
    }

    private final DocumentStore store;
    private final TokenStore tokens;
    private final EventStore events;
    private final List<Projection> projections;
    private final ReadModelSettings settings;
    private final Clock clock;
    private final HeldTokens heldTokens;

    private volatile Generation current;
    private volatile Running live;
    private volatile Running building;
    private volatile boolean running;
    private ScheduledExecutorService watch;

    private final org.axonframework.extensions.mongo.MongoTemplate parkedEvents;
    private final org.axonframework.serialization.Serializer serializer;

    ReadModels(DocumentStore store, TokenStore tokens, @Lazy EventStore events, List<Projection> projections,
               ReadModelSettings settings, Clock clock, org.axonframework.extensions.mongo.MongoTemplate parkedEvents,
               @Lazy org.axonframework.serialization.Serializer serializer) {
        this.parkedEvents = parkedEvents;
        this.serializer = serializer;
        this.store = store;
        this.tokens = tokens;
        this.events = events;
        this.projections = projections;
        this.settings = settings;
        this.clock = clock;
        this.heldTokens = new HeldTokens(tokens, this::passNamed);
    }

    /** The generation readers use; null while there is none (the first build has not caught up). */
    public Generation current() {
        return current;
    }

    /** Ready: a generation to answer from, and its pass caught up with the events. */
    public boolean ready() {
        Running keeping = live;
        return current != null && keeping != null && caughtUp(keeping);
    }

    /** Starts building a new generation from the first event, unless one is being built; returns its number. */
    public synchronized int rebuild() {
        if (building == null) {
            Generation next = new Generation(nextNumber(), settings.segments(), LAYOUT);
            building = run(next, true, true);
            record();
            log.info("Building read models generation {} from the first event; generation {} answers meanwhile",
                    next.number(), current == null ? "none" : current.number());
        }
        return building.generation().number();
    }

    /** Stops the passes and starts them again from their stored tokens (what a restart does). */
    public synchronized void restart() {
        if (live != null) {
            live.processor().shutdownAsync().join();
            live = run(live.generation(), false, false, live.startedAt(), live.startedAtPosition());
        }
        if (building != null) {
            building.processor().shutdownAsync().join();
            building = run(building.generation(), true, false, building.startedAt(), building.startedAtPosition());
        }
    }

    /** How far the passes are: the one keeping the current generation, and the one building the next, if any. */
    public List<Progress> progress() {
        Long head = position(events.createHeadToken());
        List<Progress> all = new ArrayList<>();
        for (Running pass : new Running[] {live, building}) {
            if (pass != null) {
                all.add(progress(pass, head));
            }
        }
        return all;
    }

    /** The events the current generation's pass parked, sequence by sequence. */
    public Iterable<Iterable<org.axonframework.messaging.deadletter.DeadLetter<? extends org.axonframework.eventhandling.EventMessage<?>>>> parked() {
        Running keeping = live;
        return keeping == null ? List.of() : keeping.pass().parked();
    }

    public long parkedSequences() {
        Running keeping = live;
        return keeping == null ? 0 : keeping.pass().parkedSequences();
    }

    /** Retries the events the current generation's pass parked; answers how many sequences were cleared. */
    public long retryParked() {
        Running keeping = live;
        return keeping == null ? 0 : keeping.pass().retryParked(keeping.generation().segments());
    }

    /** The name of the pass keeping the current generation (its parked events are filed under it). */
    public String livePassName() {
        Running keeping = live;
        return keeping == null ? null : keeping.generation().processor();
    }

    /**
     * Whether nothing is being built and the current generation's pass has applied and written every event
     * stored so far (its position at the head of the event store): what a digest or an audit compares.
     */
    public boolean settled() {
        Running keeping = live;
        if (building != null || !ready() || keeping == null) {
            return false;
        }
        Long head = position(events.createHeadToken());
        for (EventTrackerStatus segment : keeping.processor().processingStatus().values()) {
            if (head != null && segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
        }
        return caughtUp(keeping);
    }

    @Override
    public synchronized void start() {
        Document meta = store.find(META, GENERATIONS);
        Generation recorded = generation(meta, "current");
        Generation unfinished = generation(meta, "building");
        if (recorded != null && recorded.layout() == LAYOUT) {
            current = recorded;
            live = run(recorded, false, false);
        }
        if (unfinished != null && unfinished.layout() == LAYOUT && unfinished.segments() == settings.segments()) {
            building = run(unfinished, true, false);
            log.info("Resuming the build of read models generation {}", unfinished.number());
        } else if (current == null || current.segments() != settings.segments()) {
            building = run(new Generation(nextNumber(), settings.segments(), LAYOUT), true, true);
            log.info("Building read models generation {} from the first event ({})", building.generation().number(),
                    recorded == null ? "none kept" : recorded.layout() != LAYOUT ? "the documents' layout changed"
                            : "the number of segments changed");
        }
        record();
        dropOthers();
        running = true;
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "read-models-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(this::look, 20, 20, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (watch != null) {
            watch.shutdownNow();
        }
        for (Running pass : new Running[] {building, live}) {
            if (pass != null) {
                pass.processor().shutdownAsync().join();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's own processors, before the web server: reads answer 503 until a generation is there. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /**
     * Every few milliseconds: writes what waits after a burst, and moves readers to a build that has caught up;
     * about once a second, notices a read store that was lost (its record of generations gone) and builds anew.
     */
    private void look() {
        try {
            if (++looks % 50 == 0 && (current != null || building != null) && store.find(META, GENERATIONS) == null) {
                rebuildLostStore();
                return;
            }
            for (Running pass : new Running[] {live, building}) {
                if (pass != null) {
                    for (WorkingSet documents : pass.pass().workingSets()) {
                        pass.pass().writeIfIdle(documents, TimeUnit.MILLISECONDS.toNanos(10));
                    }
                }
            }
            Running built = building;
            if (built != null && caughtUp(built)) {
                switchTo(built);
            }
        } catch (RuntimeException e) {
            log.warn("Looking after the read models failed: {}", e.getMessage(), e);
        }
    }

    private long looks;

    /** The read store lost everything (dropped, or a new empty server): the passes stop and a first generation is built. */
    private synchronized void rebuildLostStore() {
        log.warn("The read store no longer holds its record of generations: it was lost or wiped; every read model is "
                + "built again from the first event, reads answer 503 meanwhile");
        for (Running pass : new Running[] {building, live}) {
            if (pass != null) {
                pass.processor().shutdownAsync().join();
                passes.remove(pass.generation().processor());
            }
        }
        live = null;
        building = null;
        current = null;
        building = run(new Generation(nextNumber(), settings.segments(), LAYOUT), true, true);
        record();
        dropOthers();
    }

    private synchronized void switchTo(Running built) {
        java.util.Set<Integer> held = built.processor().processingStatus().keySet();
        if (building != built || held.size() < built.generation().segments()) {
            return; // another instance holds some of its segments: it finishes the build
        }
        for (int segment : held) {
            // a pass started again after its last event has no working set yet: one is made to finish with
            WorkingSet documents = built.pass().workingSet(segment);
            documents.lock().lock();
            try {
                documents.finishBuilding(built.pass().projections());
            } finally {
                documents.lock().unlock();
            }
        }
        Running old = live;
        Generation oldGeneration = current;
        current = built.generation();
        live = built;
        building = null;
        record();
        log.info("Read models generation {} built and current ({} events/s)", current.number(),
                rate(built, position(events.createHeadToken())));
        if (old != null) {
            old.processor().shutdownAsync().join();
            forgetTokens(old.generation().processor());
        }
        if (oldGeneration != null && oldGeneration.number() != current.number()) {
            // readers that took the old generation's names a moment ago finish their reads first
            watch.schedule(this::dropOthers, 5, TimeUnit.SECONDS);
        }
    }

    /** Deletes the tokens of a pass's processor (those another instance holds are left to it). */
    private void forgetTokens(String processor) {
        for (int segment : tokens.fetchSegments(processor)) {
            try {
                tokens.fetchToken(processor, segment); // claims it: only its owner may delete it
                tokens.deleteToken(processor, segment);
            } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException claimedElsewhere) {
                log.info("The token of {} segment {} is held elsewhere; left to its holder", processor, segment);
            }
        }
    }

    /**
     * A pass started now; the rate it reports counts from the first event if it starts there, else not at all. A
     * generation built from nothing starts at the first event even where tokens of its name were left (the documents
     * were kept apart from the tokens and lost, or kept by an older release elsewhere).
     */
    private Running run(Generation generation, boolean building, boolean storeEmpty) {
        if (storeEmpty) {
            forgetTokens(generation.processor());
        }
        return run(generation, building, storeEmpty, clock.instant(), storeEmpty ? -1 : Long.MIN_VALUE);
    }

    private Running run(Generation generation, boolean building, boolean storeEmpty, Instant startedAt, long startedAtPosition) {
        int capacity = settings.documentsAtHand();
        OnePass pass = new OnePass(projections,
                segment -> new WorkingSet(store, generation, segment, capacity, building, storeEmpty), settings.cadence(),
                org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue.<org.axonframework.eventhandling.EventMessage<?>>builder()
                        .processingGroup(generation.processor())
                        .mongoTemplate(parkedEvents)
                        .serializer(serializer)
                        .transactionManager(NoTransactionManager.instance())
                        .build());
        AtomicInteger threads = new AtomicInteger();
        // a tracking processor: each segment's thread fetches its events and applies them, with no hand-over between
        // threads (a pooled processor's coordinator waits 100 ms whenever its workers' buffers are full, which
        // left the pass idle most of a rebuild)
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(generation.processor())
                .eventHandlerInvoker(pass)
                .messageSource(events)
                .tokenStore(heldTokens)
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(generation.segments())
                        .andInitialSegmentsCount(generation.segments())
                        .andBatchSize(settings.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andTokenClaimInterval(1, TimeUnit.SECONDS)
                        .andThreadFactory(name -> r -> daemon(r, generation.processor() + "-pass", threads)))
                .build();
        Running started = new Running(generation, pass, processor, startedAt, startedAtPosition);
        passes.put(generation.processor(), pass);
        processor.start();
        return started;
    }

    private final Map<String, OnePass> passes = new java.util.concurrent.ConcurrentHashMap<>();

    private OnePass passNamed(String processorName) {
        return passes.get(processorName);
    }

    private static Thread daemon(Runnable runnable, String name, AtomicInteger count) {
        Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    private boolean caughtUp(Running pass) {
        Map<Integer, EventTrackerStatus> status = pass.processor().processingStatus();
        if (status.size() < pass.generation().segments()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (!segment.isCaughtUp() || segment.isErrorState()) {
                return false;
            }
        }
        for (WorkingSet documents : pass.pass().workingSets()) {
            if (documents.hasChanges() || documents.holdsToken()) {
                return false;
            }
        }
        return true;
    }

    private Progress progress(Running pass, Long head) {
        Map<Integer, EventTrackerStatus> status = pass.processor().processingStatus();
        long position = -1;
        boolean error = pass.processor().isError();
        String message = null;
        for (EventTrackerStatus segment : status.values()) {
            position = Math.max(position, segment.getCurrentPosition().orElse(-1));
            if (segment.isErrorState()) {
                error = true;
                message = segment.getError() == null ? null : segment.getError().getMessage();
            }
        }
        boolean caughtUp = caughtUp(pass);
        Long at = position < 0 ? null : position;
        Double percent = head == null || head <= 0 ? 100.0
                : at == null ? 0.0 : Math.min(100.0, 100.0 * (at + 1) / (head + 1));
        if (caughtUp) {
            percent = 100.0;
        }
        Double rate = rate(pass, at);
        Long left = caughtUp ? Long.valueOf(0)
                : rate != null && rate > 0 && head != null && at != null ? (long) Math.ceil(Math.max(0, head - at) / rate) : null;
        return new Progress(pass.generation().number(), pass == building, caughtUp, error, message, at, head, percent,
                rate, left);
    }

    private Double rate(Running pass, Long at) {
        if (at == null || pass.startedAtPosition() == Long.MIN_VALUE) {
            return null;
        }
        double seconds = Math.max(0.001, Duration.between(pass.startedAt(), clock.instant()).toMillis() / 1000.0);
        return (at - pass.startedAtPosition()) / seconds;
    }

    /** Records which generation is current and which is being built. */
    private void record() {
        Document meta = store.find(META, GENERATIONS);
        long revision = meta == null ? -1 : meta.get(DocumentStore.REVISION, Number.class).longValue();
        Document next = new Document("_id", GENERATIONS).append(DocumentStore.REVISION, revision + 1)
                .append("current", document(current))
                .append("building", building == null ? null : document(building.generation()));
        store.write(META, List.of(new DocumentWrite(GENERATIONS, revision, next)));
    }

    /** Drops the collections of generations that are neither current nor being built. */
    private void dropOthers() {
        for (String collection : store.collections()) {
            if (collection.matches("g[0-9]+_.*") && (current == null || !current.owns(collection))
                    && (building == null || !building.generation().owns(collection))) {
                store.drop(collection);
            }
        }
    }

    private int nextNumber() {
        int highest = 0;
        for (String collection : store.collections()) {
            if (collection.matches("g[0-9]+_.*")) {
                highest = Math.max(highest, Integer.parseInt(collection.substring(1, collection.indexOf('_'))));
            }
        }
        for (Generation known : new Generation[] {current, building == null ? null : building.generation()}) {
            if (known != null) {
                highest = Math.max(highest, known.number());
            }
        }
        return highest + 1;
    }

    private static Document document(Generation generation) {
        return generation == null ? null : new Document("number", generation.number())
                .append("segments", generation.segments()).append("layout", generation.layout());
    }

    private static Generation generation(Document meta, String which) {
        Document recorded = meta == null ? null : meta.get(which, Document.class);
        return recorded == null ? null : new Generation(recorded.getInteger("number"), recorded.getInteger("segments"),
                recorded.getInteger("layout"));
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
