package org.civicledger.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The read models of the default run in a file under the data directory (H2's MVStore, a store of maps kept
 * in pages on disk with a bounded cache in memory): each document as its BSON bytes in a map by {@code _id},
 * one map per collection. Memory stays bounded as the history grows, and a restart finds everything where it
 * was: documents and the pass's tokens (in the same file, through the embedded MongoDB-wire server's backend)
 * are committed together, each commit a moment of the whole file ({@link ReadStoreFile}). Writes are
 * conditional on the revision, checked here; only this process writes the file.
 */
public final class FileDocuments implements DocumentStore {

    private static final String PREFIX = "documents.";

    private final ReadStoreFile file;
    private final MVStore store;

    public FileDocuments(ReadStoreFile file) {
        this.file = file;
        this.store = file.store();
    }

    private MVMap<String, byte[]> map(String collection) {
        return store.openMap(PREFIX + collection);
    }

    private MVMap<String, byte[]> existing(String collection) {
        return store.hasMap(PREFIX + collection) ? map(collection) : null;
    }

    @Override
    public Map<String, Document> find(String collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        MVMap<String, byte[]> map = existing(collection);
        if (map == null) {
            return found;
        }
        for (String id : ids) {
            byte[] bson = map.get(id);
            if (bson != null) {
                found.put(id, DocumentBytes.decode(bson));
            }
        }
        return found;
    }

    @Override
    public Document find(String collection, String id) {
        MVMap<String, byte[]> map = existing(collection);
        byte[] bson = map == null ? null : map.get(id);
        return bson == null ? null : DocumentBytes.decode(bson);
    }

    @Override
    public void write(String collection, List<DocumentWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        MVMap<String, byte[]> map = file.write(() -> map(collection));
        Conditional conditional = new Conditional();
        for (DocumentWrite write : writes) {
            conditional.expected = write.expectedRevision();
            conditional.reset();
            byte[] bson = write.document() == null ? null : DocumentBytes.encode(write.document());
            file.write(() -> map.operate(write.id(), bson, conditional));
            if (conditional.stale) {
                throw new StaleWrite(collection, write.id(), write.expectedRevision());
            }
        }
    }

    /**
     * A write that takes place only over the revision it expects, decided where the map finds the key: one walk
     * down the tree for the check and the change (a read first, then a write, took two).
     */
    private static final class Conditional extends MVMap.DecisionMaker<byte[]> {
        long expected;
        boolean stale;

        @Override
        public MVMap.Decision decide(byte[] existing, byte[] provided) {
            boolean expectedHere = expected < 0 ? existing == null
                    : existing != null && DocumentBytes.revisionOf(existing) == expected;
            if (!expectedHere) {
                stale = true;
                return MVMap.Decision.ABORT;
            }
            if (provided == null) {
                return existing == null ? MVMap.Decision.ABORT : MVMap.Decision.REMOVE;
            }
            return MVMap.Decision.PUT;
        }

        @Override
        public void reset() {
            stale = false;
        }
    }

    @Override
    public void forEach(String collection, Consumer<Document> each) {
        MVMap<String, byte[]> map = existing(collection);
        if (map != null) {
            for (byte[] bson : map.values()) {
                each.accept(DocumentBytes.decode(bson));
            }
        }
    }

    @Override
    public void drop(String collection) {
        MVMap<String, byte[]> map = existing(collection);
        if (map != null) {
            file.write(() -> store.removeMap(map));
        }
    }

    @Override
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        for (String name : store.getMapNames()) {
            if (name.startsWith(PREFIX)) {
                names.add(name.substring(PREFIX.length()));
            }
        }
        return names;
    }
}
