package org.civicledger.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * The read models of the default run, kept in this process: each document as its BSON bytes in a map by
 * {@code _id}, one map per collection. No wire protocol, no server-side copies of every document, no query
 * engine: every read the read models make is by {@code _id}, and a map answers it. The bytes are the same a
 * MongoDB server would hold, so a document reads back exactly as it would from one; they are about a fifth of
 * the memory the same document takes as Java objects. Writes are conditional on the revision as on a server,
 * checked here. Kept across restarts by the read store's snapshot ({@link #eachStored}, {@link #putStored}).
 */
public final class MemoryDocuments implements DocumentStore {

    /** One stored document: its revision (read without decoding it) and its bytes. */
    private record Stored(long revision, byte[] bson) {
    }

    private final Map<String, Map<String, Stored>> collections = new ConcurrentHashMap<>();

    @Override
    public Map<String, Document> find(String collection, Collection<String> ids) {
        Map<String, Stored> stored = collections.get(collection);
        Map<String, Document> found = new HashMap<>();
        if (stored == null) {
            return found;
        }
        for (String id : ids) {
            Stored document = stored.get(id);
            if (document != null) {
                found.put(id, DocumentBytes.decode(document.bson()));
            }
        }
        return found;
    }

    @Override
    public Document find(String collection, String id) {
        Map<String, Stored> stored = collections.get(collection);
        Stored document = stored == null ? null : stored.get(id);
        return document == null ? null : DocumentBytes.decode(document.bson());
    }

    @Override
    public void write(String collection, List<DocumentWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Map<String, Stored> stored = collections.computeIfAbsent(collection, name -> new ConcurrentHashMap<>());
        for (DocumentWrite write : writes) {
            boolean[] made = {false};
            if (write.document() == null) {
                stored.computeIfPresent(write.id(), (id, now) -> {
                    if (now.revision() != write.expectedRevision()) {
                        return now;
                    }
                    made[0] = true;
                    return null;
                });
            } else {
                Stored next = new Stored(revisionOf(write.document()), DocumentBytes.encode(write.document()));
                stored.compute(write.id(), (id, now) -> {
                    if (write.expectedRevision() < 0 ? now != null : now == null || now.revision() != write.expectedRevision()) {
                        return now;
                    }
                    made[0] = true;
                    return next;
                });
            }
            if (!made[0]) {
                throw new StaleWrite(collection, write.id(), write.expectedRevision());
            }
        }
    }

    @Override
    public void forEach(String collection, Consumer<Document> each) {
        Map<String, Stored> stored = collections.get(collection);
        if (stored != null) {
            for (Stored document : stored.values()) {
                each.accept(DocumentBytes.decode(document.bson()));
            }
        }
    }

    @Override
    public void drop(String collection) {
        collections.remove(collection);
    }

    @Override
    public List<String> collections() {
        return new ArrayList<>(collections.keySet());
    }

    /** Every stored document of the collection as its BSON bytes (not to be changed): what a snapshot writes. */
    public void eachStored(String collection, Consumer<byte[]> each) {
        Map<String, Stored> stored = collections.get(collection);
        if (stored != null) {
            for (Stored document : stored.values()) {
                each.accept(document.bson());
            }
        }
    }

    /** Puts a document read from a snapshot back, as it was stored. */
    public void putStored(String collection, byte[] bson) {
        collections.computeIfAbsent(collection, name -> new ConcurrentHashMap<>())
                .put(new RawBsonDocument(bson).getString("_id").getValue(), new Stored(DocumentBytes.revisionOf(bson), bson));
    }

    /** Forgets everything (a read store lost as a whole). */
    public void clear() {
        collections.clear();
    }

    private static long revisionOf(Document document) {
        Number revision = document.get(REVISION, Number.class);
        return revision == null ? -1 : revision.longValue();
    }
}
