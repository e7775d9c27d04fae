package org.civicledger.query.readstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * Writes to the read store that need no answer (creating a document from an aggregate's first event,
 * recording a contribution) are sent together: inside a projection processor's batch they are kept
 * until the batch's last event has been handled and then sent as one ordered bulk write per
 * collection — before the processor stores its token, so a crash never moves the token past a write
 * that was not made. Outside such a batch (a unit test, a dead letter retried) they are sent at once.
 *
 * <p>A handler that reads a collection first calls {@link #flush}, so it sees every write before it.
 *
 * <p>Where two documents must change in a given order — because a crash between the two writes must leave
 * the first one made, not the second — {@link #writeAfter} says so, and {@link #settle} holds a write back
 * until every other write of the batch is made: the read store has no transaction spanning documents, so
 * the order of the writes is what keeps a batch cut short repairable by handling it again.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();

    private BatchedWrites() {
    }

    /** Sends {@code write} now, or with the rest of the current batch. */
    public static void write(MongoCollection<Document> collection, WriteModel<Document> write) {
        Held held = held();
        if (held == null) {
            collection.bulkWrite(List.of(write));
            return;
        }
        held.pending(collection).writes.add(write);
    }

    /**
     * Sends {@code write} now, or with the rest of the current batch but never before the writes to
     * {@code earlier} held so far: a flush of {@code collection} sends those first.
     */
    public static void writeAfter(MongoCollection<Document> earlier, MongoCollection<Document> collection,
                                  WriteModel<Document> write) {
        Held held = held();
        if (held == null) {
            collection.bulkWrite(List.of(write));
            return;
        }
        Pending pending = held.pending(collection);
        pending.after.add(name(earlier));
        pending.writes.add(write);
    }

    /**
     * Sends {@code write} now, or once every other write of the current batch has been sent: for a write
     * that undoes a mark the batch's other writes rely on until they are made.
     */
    public static void settle(MongoCollection<Document> collection, WriteModel<Document> write) {
        Held held = held();
        if (held == null) {
            collection.bulkWrite(List.of(write));
            return;
        }
        held.settling.computeIfAbsent(name(collection), k -> new Pending(collection)).writes.add(write);
    }

    /**
     * Sends what the current batch holds for {@code collection} (and first what those writes must follow),
     * so that a read sees it.
     */
    public static void flush(MongoCollection<Document> collection) {
        Held held = held();
        if (held != null) {
            held.send(name(collection));
        }
    }

    /**
     * A value kept for the rest of the current batch (made by {@code make} the first time) — state a
     * handler has read and is changing with writes still pending, so it need not read it again. Dropped
     * with the batch, written or not, so it is never ahead of the read store. Outside a batch, a new one
     * each time.
     */
    public static <T> T remembered(String name, java.util.function.Supplier<T> make) {
        if (held() == null) {
            return make.get();
        }
        return CurrentUnitOfWork.get().getOrComputeResource(PENDING + "." + name, k -> make.get());
    }

    /** The events of the current batch, in order (none outside a batch): for a handler that reads ahead. */
    public static List<? extends EventMessage<?>> batch() {
        if (held() != null && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            List<EventMessage<?>> events = new ArrayList<>();
            batch.getMessages().forEach(m -> events.add((EventMessage<?>) m));
            return events;
        }
        return List.of();
    }

    /**
     * The interceptor that opens the batch at its first event and sends everything after its last;
     * registered on every projection processor by {@link ProjectionBatches}.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> perBatch() {
        return BatchedWrites::handle;
    }

    private static Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                 InterceptorChain chain) throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            return chain.proceed();
        }
        Held held = batch.getOrComputeResource(PENDING, k -> new Held());
        Object result = chain.proceed();
        if (batch.isLastMessage()) {
            held.sendAll();
        }
        return result;
    }

    private static Held held() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().getResource(PENDING);
    }

    private static String name(MongoCollection<Document> collection) {
        return collection.getNamespace().getFullName();
    }

    /** What one batch holds back: per collection, in the order the collections were first written. */
    private static final class Held {
        final Map<String, Pending> pending = new LinkedHashMap<>();
        final Map<String, Pending> settling = new LinkedHashMap<>();

        Pending pending(MongoCollection<Document> collection) {
            return pending.computeIfAbsent(name(collection), k -> new Pending(collection));
        }

        /** Sends the writes held for {@code name}, after those they must follow. */
        void send(String name) {
            Pending held = pending.remove(name);
            if (held != null) {
                held.after.forEach(this::send);
                held.send();
            }
        }

        void sendAll() {
            new ArrayList<>(pending.keySet()).forEach(this::send);
            settling.values().forEach(Pending::send);
            settling.clear();
        }
    }

    private static final class Pending {
        final MongoCollection<Document> collection;
        final List<WriteModel<Document>> writes = new ArrayList<>();
        /** The collections whose held writes go before these. */
        final java.util.Set<String> after = new java.util.LinkedHashSet<>();

        Pending(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void send() {
            if (!writes.isEmpty()) {
                collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
                writes.clear();
            }
        }
    }
}
