package org.civicledger.query.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The read models in MongoDB, through its Java driver: a batch of writes is one ordered bulk write per
 * collection, each replacement conditional on the revision read. A real MongoDB answers all of it from the
 * {@code _id} index; no other index is needed by any read.
 */
public final class MongoDocuments implements DocumentStore {

    private static final int FIND_CHUNK = 1_000;

    private final MongoDatabase database;

    public MongoDocuments(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Map<String, Document> find(String collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> all = ids instanceof List<String> list ? list : new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += FIND_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + FIND_CHUNK));
            (chunk.size() == 1 ? database.getCollection(collection).find(eq("_id", chunk.get(0)))
                    : database.getCollection(collection).find(in("_id", chunk)))
                    .forEach(d -> found.put(d.getString("_id"), d));
        }
        return found;
    }

    @Override
    public void write(String collection, List<DocumentWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        int replaced = 0;
        int removed = 0;
        for (DocumentWrite write : writes) {
            if (write.document() == null) {
                models.add(new DeleteOneModel<>(and(eq("_id", write.id()), eq(REVISION, write.expectedRevision()))));
                removed++;
            } else if (write.expectedRevision() < 0) {
                models.add(new InsertOneModel<>(write.document()));
            } else {
                models.add(new ReplaceOneModel<>(and(eq("_id", write.id()), eq(REVISION, write.expectedRevision())),
                        write.document()));
                replaced++;
            }
        }
        BulkWriteResult result;
        try {
            result = database.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(true));
        } catch (MongoBulkWriteException refused) {
            int at = refused.getWriteErrors().isEmpty() ? 0 : refused.getWriteErrors().get(0).getIndex();
            DocumentWrite write = writes.get(Math.min(at, writes.size() - 1));
            throw new StaleWrite(collection, write.id(), write.expectedRevision());
        }
        if (result.getMatchedCount() != replaced || result.getDeletedCount() != removed) {
            throw new StaleWrite(collection, "(one of " + writes.size() + ")", -1);
        }
    }

    @Override
    public void forEach(String collection, Consumer<Document> each) {
        database.getCollection(collection).find().forEach(each::accept);
    }

    @Override
    public void drop(String collection) {
        database.getCollection(collection).drop();
    }

    @Override
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        database.listCollectionNames().forEach(names::add);
        return names;
    }
}
