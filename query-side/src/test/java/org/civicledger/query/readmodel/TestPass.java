package org.civicledger.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * One segment of the pass for a test: the projections given, applying facts to a working set over a real
 * MongoDB-wire server, written when asked. Writes can be made to fail after a number of documents (a stop in the
 * middle of a write), and the pass restarted from what is stored, as after a crash.
 */
public final class TestPass implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final FailingDocuments store = new FailingDocuments(new MongoDocuments(client.getDatabase("test")));
    private final Generation generation = new Generation(1, 1, ReadModels.LAYOUT);
    private final List<Projection> projections;
    private WorkingSet documents;

    private TestPass(List<Projection> projections, boolean building) {
        this.projections = projections;
        this.documents = new WorkingSet(store, generation, 0, 1_000, building, building);
    }

    /** A pass that keeps up with the events: derived figures computed at every write. */
    public static TestPass of(Projection... projections) {
        return new TestPass(List.of(projections), false);
    }

    /** A pass that builds from the first event: derived figures computed once, by {@link #finishBuilding}. */
    public static TestPass building(Projection... projections) {
        return new TestPass(List.of(projections), true);
    }

    /** Applies an event of stream {@code aggregateId} at {@code sequence}, done {@code at}. */
    public TestPass apply(Object payload, String aggregateId, long sequence, Instant at) {
        Fact fact = new Fact(payload, aggregateId, sequence, at, -1);
        for (Projection projection : projections) {
            if (projection.handles().contains(payload.getClass())) {
                projection.apply(fact, documents);
            }
        }
        return this;
    }

    /** Writes what waits. */
    public TestPass write() {
        documents.write(projections);
        return this;
    }

    public TestPass finishBuilding() {
        documents.finishBuilding(projections);
        return this;
    }

    /** The next write stops after {@code documents} documents are written, as a crash would stop it. */
    public TestPass failWritesAfter(int documents) {
        store.failAfter = documents;
        return this;
    }

    /** Writes what waits; answers whether the write stopped half-way ({@link #failWritesAfter}). */
    public boolean writeCutShort() {
        try {
            documents.write(projections);
            return false;
        } catch (IllegalStateException stopped) {
            return true;
        }
    }

    /** Starts the pass again from what is stored: nothing in memory survives. */
    public TestPass restart() {
        store.failAfter = Integer.MAX_VALUE;
        documents = new WorkingSet(store, generation, 0, 1_000, false, false);
        return this;
    }

    /** The document as stored. */
    public Document stored(ReadCollection collection, String id) {
        return store.find(generation.collection(collection), id);
    }

    /**
     * Puts {@code earlier}, a copy of a document as once stored, back in its place: a store that kept later writes
     * of other documents but lost the latest of this one.
     */
    public TestPass storedBack(ReadCollection collection, Document earlier) {
        String id = earlier.getString("_id");
        long revision = stored(collection, id).get(DocumentStore.REVISION, Number.class).longValue();
        Document back = new Document(earlier).append(DocumentStore.REVISION, revision + 1);
        store.write(generation.collection(collection), List.of(new DocumentWrite(id, revision, back)));
        return this;
    }

    /** Readers' view of what is stored. */
    public ReadStore reader() {
        return new ReadStore(store, () -> generation);
    }

    /** Every stored document of the collection, for comparisons of whole read models. */
    public List<Document> all(ReadCollection collection) {
        List<Document> all = new java.util.ArrayList<>();
        store.forEach(generation.collection(collection), d -> {
            d.remove(DocumentStore.REVISION);
            all.add(d);
        });
        all.sort(java.util.Comparator.comparing(d -> d.getString("_id")));
        return all;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /** A store whose writes can stop after a number of documents. */
    private static final class FailingDocuments implements DocumentStore {
        private final DocumentStore store;
        int failAfter = Integer.MAX_VALUE;

        FailingDocuments(DocumentStore store) {
            this.store = store;
        }

        @Override
        public Map<String, Document> find(String collection, Collection<String> ids) {
            return store.find(collection, ids);
        }

        @Override
        public void write(String collection, List<DocumentWrite> writes) {
            if (writes.size() <= failAfter) {
                store.write(collection, writes);
                failAfter -= writes.size();
                return;
            }
            store.write(collection, writes.subList(0, failAfter));
            failAfter = 0;
            throw new IllegalStateException("stopped in the middle of a write");
        }

        @Override
        public void forEach(String collection, Consumer<Document> each) {
            store.forEach(collection, each);
        }

        @Override
        public void drop(String collection) {
            store.drop(collection);
        }

        @Override
        public List<String> collections() {
            return store.collections();
        }
    }
}
