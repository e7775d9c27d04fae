package org.civicledger.query.readstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
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
 */
public final class Versioned {

    public static final String VERSION = "version";

    private Versioned() {
    }

    /** Creates the document from the aggregate's first event; does nothing if it exists already. */
    public static void create(MongoCollection<Document> collection, String id, long sequence, Document fields) {
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.setOnInsert(name, value)));
        updates.add(Updates.setOnInsert(VERSION, sequence));
        collection.updateOne(eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** Applies {@code update} if the document has not yet seen {@code sequence}; returns whether it did. */
    public static boolean apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        return collection.updateOne(and(eq("_id", id), lt(VERSION, sequence)),
                Updates.combine(update, Updates.set(VERSION, sequence))).getModifiedCount() == 1;
    }
}
