package org.civicledger.command.eventstore.kurrentdb;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionFilter;
import io.kurrent.dbclient.SubscriptionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;

/**
 * The events after a position, for a tracking processor: a catch-up subscription to {@code $all}, filtered
 * on the server to this deployment's event streams (system events, snapshots and other deployments never
 * travel), fed through a bounded queue so a slow processor holds the server back instead of filling memory.
 * <p>
 * Axon's {@code mayBlock} is honoured: without it the stream ends once it has caught up with the log (the
 * server says so, or the subscription passes the head read at the start); with it the stream goes on
 * handing out new events as they are written and ends only after {@code tailWait} without any, so the
 * event store's producer can close it and ask again.
 */
final class TrackedRecords extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private static final Object CAUGHT_UP = new Object();

    /** The server's filter has read up to {@code position} (events after it may all have been filtered out). */
    private record Checkpoint(Position position) {
    }
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    private final BlockingQueue<Object> queue;
    private final boolean mayBlock;
    private final Duration tailWait;
    private final Position head;
    private volatile boolean closed;
    private volatile Subscription subscription;
    private boolean caughtUp;

    private TrackedRecords(int capacity, boolean mayBlock, Duration tailWait, Position head) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.mayBlock = mayBlock;
        this.tailWait = tailWait;
        this.head = head;
    }

    /**
     * The events after {@code from} ({@code null}: from the first) in this deployment's streams;
     * {@code head} is the log's last position when asked (null when it was empty).
     */
    static Stream<TrackedEventData<?>> after(KurrentDBClient client, KurrentDbPosition from, StreamNames names,
                                             boolean mayBlock, Duration tailWait, int capacity, Position head) {
        TrackedRecords records = new TrackedRecords(capacity, mayBlock, tailWait, head);
        SubscribeToAllOptions options = SubscribeToAllOptions.get()
                .filter(SubscriptionFilter.newBuilder().addStreamNamePrefix(names.prefix())
                        .withCheckpointer((s, position) -> { // how far the server's filter has read
                            records.hand(new Checkpoint(position));
                            return CompletableFuture.completedFuture(null);
                        }, 1).build())
                .batchSize(Math.max(1, Math.min(capacity, 1000)));
        options = from == null ? options.fromStart() : options.fromPosition(from.toPosition());
        try {
            records.subscription = client.subscribeToAll(records.listener(), options).get(CATCH_UP_LIMIT.toSeconds(),
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            throw KurrentDbStorageEngine.failure("Could not subscribe to $all from " + from, e);
        }
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    private SubscriptionListener listener() {
        return new SubscriptionListener() {
            @Override
            public void onEvent(Subscription s, ResolvedEvent event) {
                hand(event);
            }

            @Override
            public void onCaughtUp(Subscription s, Instant at, Long revision, Position position) {
                hand(CAUGHT_UP);
            }

            @Override
            public void onCancelled(Subscription s, Throwable cause) {
                if (!closed) {
                    hand(cause != null ? cause : new IllegalStateException("the server ended the subscription"));
                }
            }
        };
    }

    /** Waits for room: a full queue holds the server's delivery back (the subscription's flow control). */
    private void hand(Object item) {
        try {
            while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // full: try again, unless the stream was closed meanwhile
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        try {
            while (true) {
                boolean atHead = caughtUp || head == null;
                Object item = queue.poll(atHead ? (mayBlock ? tailWait.toMillis() : 0) : CATCH_UP_LIMIT.toMillis(),
                        TimeUnit.MILLISECONDS);
                if (item == null) {
                    // at the head, or nothing for CATCH_UP_LIMIT while catching up (a server that does not say it
                    // caught up, with no checkpoint due): end here; the processor asks again from its token
                    close();
                    return false;
                }
                if (item == CAUGHT_UP) {
                    caughtUp = true;
                    continue;
                }
                if (item instanceof Checkpoint checkpoint) {
                    caughtUp |= head != null && checkpoint.position().compareTo(head) >= 0;
                    continue;
                }
                if (item instanceof Throwable failure) {
                    close();
                    throw KurrentDbStorageEngine.failure("The subscription to $all failed", failure);
                }
                ResolvedEvent resolved = (ResolvedEvent) item;
                Position position = resolved.getOriginalEvent().getPosition();
                if (head != null && position.compareTo(head) >= 0) {
                    caughtUp = true; // also without the server's word (servers before 23.10 do not send it)
                }
                action.accept(new TrackedDomainEventData<>(KurrentDbPosition.of(position),
                        StoredEvent.fromRecord(resolved.getOriginalEvent())));
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return false;
        }
    }

    /**
     * Stops the subscription: when the stream is closed, and as soon as it has ended — Axon's event store
     * reads a new stream from the producer's last token without closing the one it finished (closing
     * only at shutdown), so a subscription left open at the end of each read would pile up.
     */
    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        Subscription open = subscription;
        if (open != null) {
            open.stop();
        }
        queue.clear();
    }

}
