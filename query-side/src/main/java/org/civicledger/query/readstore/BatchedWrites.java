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
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();

    private BatchedWrites() {
    }

    /** Sends {@code write} now, or with the rest of the current batch. */
    public static void write(MongoCollection<Document> collection, WriteModel<Document> write) {
        Map<String, Pending> pending = pending();
        if (pending == null) {
            collection.bulkWrite(List.of(write));
            return;
        }
        pending.computeIfAbsent(collection.getNamespace().getFullName(), k -> new Pending(collection)).writes.add(write);
    }

    /** Sends what the current batch holds for {@code collection}, so that a read sees it. */
    public static void flush(MongoCollection<Document> collection) {
        Map<String, Pending> pending = pending();
        if (pending != null) {
            Pending held = pending.remove(collection.getNamespace().getFullName());
            if (held != null) {
                held.send();
            }
        }
    }

    /**
     * A value kept for the rest of the current batch (made by {@code make} the first time) — state a
     * handler has read and is changing with writes still pending, so it need not read it again. Dropped
     * with the batch, written or not, so it is never ahead of the read store. Outside a batch, a new one
     * each time.
     */
    public static <T> T remembered(String name, java.util.function.Supplier<T> make) {
        if (pending() == null) {
            return make.get();
        }
        return CurrentUnitOfWork.get().getOrComputeResource(PENDING + "." + name, k -> make.get());
    }

    /** The events of the current batch, in order (none outside a batch): for a handler that reads ahead. */
    public static List<? extends EventMessage<?>> batch() {
        if (pending() != null && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
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
        Map<String, Pending> pending = batch.getOrComputeResource(PENDING, k -> new LinkedHashMap<>());
        Object result = chain.proceed();
        if (batch.isLastMessage()) {
            for (Pending held : new ArrayList<>(pending.values())) {
                held.send();
            }
            pending.clear();
        }
        return result;
    }

    private static Map<String, Pending> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().getResource(PENDING);
    }

    private static final class Pending {
        final MongoCollection<Document> collection;
        final List<WriteModel<Document>> writes = new ArrayList<>();

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
