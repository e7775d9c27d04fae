package org.civicledger.query.readstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Idempotent writes to a document that mirrors one aggregate: each write carries the aggregate
 * sequence number of its event and applies only if the document has not seen it yet. A replay, a
 * restart mid-batch or a duplicate delivery therefore never applies an event twice.
 *
 * <p>Documents are found by {@code _id} alone and the version is compared here: a filter on
 * {@code _id} and {@code version} together is not answered from the {@code _id} index by the
 * embedded MongoDB-wire server (it scans the collection, so every write grew with the read store).
 * Reading and then writing is safe because one processor segment owns a document's updates: Axon
 * hands all events of one aggregate to the same segment, one at a time.
 */
public final class Versioned {

    public static final String VERSION = "version";

    private Versioned() {
    }

    /**
     * Creates the document from the aggregate's first event; does nothing if it exists already. Needs no
     * answer, so it goes with the batch's other writes ({@link BatchedWrites}).
     */
    public static void create(MongoCollection<Document> collection, String id, long sequence, Document fields) {
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.setOnInsert(name, value)));
        updates.add(Updates.setOnInsert(VERSION, sequence));
        BatchedWrites.write(collection, new UpdateOneModel<>(eq("_id", id), Updates.combine(updates),
                new UpdateOptions().upsert(true)));
    }

    /**
     * Applies {@code update} if the document has not yet seen {@code sequence}; creates it as {@code whenNew}
     * (the same update applied to nothing) if it does not exist yet. Returns whether anything was written —
     * for an aggregate's first event (sequence 0) without asking: true, whether or not the document was there.
     */
    public static boolean createOrApply(MongoCollection<Document> collection, String id, long sequence, Document whenNew,
                                        Bson update) {
        if (sequence == 0) { // the aggregate's first event: the document exists only if it was applied already
            create(collection, id, sequence, whenNew);
            return true;
        }
        Long seen = versionOf(collection, id);
        if (seen == null) {
            Document created = new Document("_id", id);
            created.putAll(whenNew);
            collection.insertOne(created.append(VERSION, sequence));
            return true;
        }
        return seen < sequence && write(collection, id, sequence, update);
    }

    /** Applies {@code update} if the document has not yet seen {@code sequence}; returns whether it did. */
    public static boolean apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        Long seen = versionOf(collection, id);
        return seen != null && seen < sequence && write(collection, id, sequence, update);
    }

    /**
     * The whole document if it exists and has not yet seen {@code sequence} (null otherwise), for an update
     * computed from its content and then made with {@link #applyTo}.
     */
    public static Document unapplied(MongoCollection<Document> collection, String id, long sequence) {
        BatchedWrites.flush(collection);
        Document document = collection.find(eq("_id", id)).first();
        return document == null || document.get(VERSION, Number.class).longValue() >= sequence ? null : document;
    }

    /** Applies {@code update} to a document {@link #unapplied} has just answered, without reading it again. */
    public static void applyTo(MongoCollection<Document> collection, Document unapplied, long sequence, Bson update) {
        write(collection, unapplied.getString("_id"), sequence, update);
    }

    /** The sequence number the document has seen, or null if there is no document; sends the batch's writes to it first. */
    public static Long versionOf(MongoCollection<Document> collection, String id) {
        BatchedWrites.flush(collection);
        Document seen = collection.find(eq("_id", id)).projection(Projections.include(VERSION)).first();
        return seen == null ? null : seen.get(VERSION, Number.class).longValue();
    }

    private static boolean write(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        collection.updateOne(eq("_id", id), Updates.combine(update, Updates.set(VERSION, sequence)));
        return true;
    }
}
