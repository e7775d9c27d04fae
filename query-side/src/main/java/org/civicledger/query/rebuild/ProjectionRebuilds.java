package org.civicledger.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.domain.shared.InvalidField;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections from zero while the system runs, and reports how far each one is: events
 * done, rate and time left. A rebuild resets the processor's token; the projections' reset handlers
 * drop their collections, and the processor replays every event from the first.
 */
@Component
public class ProjectionRebuilds {

    /**
     * What a processor is doing, and how far it is. {@code rebuilt}: running, caught up and at the head
     * of the event store. (Axon's own {@code replaying} flag stays on until an event newer than the
     * reset arrives, so it says little about whether a rebuild is done.)
     */
    public record Progress(String projection, boolean rebuilt, boolean running, boolean replaying, boolean caughtUp, boolean error,
                           String errorMessage, Long position, Long head, Double percent, Double eventsPerSecond,
                           Long secondsLeft) {
    }

    private record Started(Instant at, long position) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final Clock clock;
    private final Map<String, Started> rebuilds = new ConcurrentHashMap<>();

    ProjectionRebuilds(@Lazy EventProcessingConfiguration processing, @Lazy EventStore events, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The processors that can be rebuilt: read models, whose handlers accept a reset. Policies (the bench
     * watch saga) act on events once and are not replayed.
     */
    public List<String> projections() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof org.axonframework.eventhandling.StreamingEventProcessor streaming
                        && streaming.supportsReset())
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    /** Starts rebuilding {@code name}, or every projection for {@code all}; returns the names. */
    public List<String> rebuild(String name) {
        List<String> names = "all".equals(name) ? projections() : List.of(known(name));
        for (String projection : names) {
            TrackingEventProcessor processor = processor(projection);
            stop(processor);
            processor.resetTokens();
            rebuilds.put(projection, new Started(clock.instant(), 0));
            start(processor);
        }
        return names;
    }

    /** Stops a projection and starts it again from its stored token, e.g. to resume after an interruption. */
    public void restart(String name) {
        TrackingEventProcessor processor = processor(known(name));
        stop(processor);
        start(processor);
    }

    private static void stop(TrackingEventProcessor processor) {
        processor.shutdownAsync().join();
        waitFor(() -> !processor.isRunning() && processor.processingStatus().isEmpty());
    }

    /**
     * Starts the processor and makes sure a worker claimed its segments: a start that races a worker
     * launcher still winding down from a stop can otherwise leave it "running" with no worker.
     */
    private static void start(TrackingEventProcessor processor) {
        for (int attempt = 0; attempt < 3; attempt++) {
            processor.start();
            if (waitFor(() -> !processor.processingStatus().isEmpty())) {
                return;
            }
            stop(processor);
        }
        throw new IllegalStateException("The processor " + processor.getName() + " did not start a worker");
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public List<Progress> progress() {
        List<Progress> all = new ArrayList<>();
        projections().forEach(p -> all.add(progress(p)));
        return all;
    }

    public Progress progress(String name) {
        String projection = known(name);
        TrackingEventProcessor processor = processor(projection);
        Long head = position(events.createHeadToken());
        long position = -1;
        boolean replaying = false;
        boolean caughtUp = true;
        boolean error = processor.isError();
        String message = null;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong current = status.getCurrentPosition();
            position = Math.max(position, current.orElse(-1));
            replaying |= status.isReplaying();
            caughtUp &= status.isCaughtUp();
            if (status.isErrorState() && status.getError() != null) {
                error = true;
                message = status.getError().getMessage();
            }
        }
        Long at = position < 0 ? null : position;
        Double percent = head == null || head <= 0 ? 100.0 : at == null ? 0.0 : Math.min(100.0, 100.0 * (at + 1) / (head + 1));
        Double rate = null;
        Long left = null;
        Started started = rebuilds.get(projection);
        if (started != null && at != null) {
            double seconds = Math.max(0.001, Duration.between(started.at(), clock.instant()).toMillis() / 1000.0);
            rate = (at - started.position()) / seconds;
            left = rate > 0 && head != null ? (long) Math.ceil(Math.max(0, head - at) / rate) : null;
        }
        boolean atHead = head == null || (at != null && at >= head);
        return new Progress(projection, processor.isRunning() && caughtUp && atHead && !error, processor.isRunning(),
                replaying, caughtUp, error, message, at, head, percent, rate,
                caughtUp ? Long.valueOf(0) : left);
    }

    private TrackingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, TrackingEventProcessor.class).orElseThrow();
    }

    private String known(String name) {
        if (name == null || !projections().contains(name)) {
            throw new InvalidField("projection", "must be one of " + projections() + " or all");
        }
        return name;
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().isPresent() ? token.position().getAsLong() : null;
    }
}
