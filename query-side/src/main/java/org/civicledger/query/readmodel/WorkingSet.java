package org.civicledger.query.readmodel;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The documents one segment of the pass works on: read from the store when first needed, changed in memory
 * event after event, and written behind, in bulk, ordered by {@link Rank} — many events' changes to one
 * document cost one write. What was written stays at hand (up to {@code capacity} documents, least recently
 * used dropped first), so the next events need no read.
 *
 * <p>The tracking token of the events applied is stored only after their changes are written
 * ({@link #hold}, {@link #write}): a stop at any moment leaves the store behind the token never, ahead of it at
 * most, and the events after the token are applied again, changing nothing the documents have seen.
 *
 * <p>While a pass builds a new generation from the first event, this working set has written everything the
 * generation holds: a document it has not written does not exist, and is not looked for. Which ones it wrote is
 * kept in a Bloom filter ({@value #WRITTEN_EXPECTED} ids in under 5 MiB; a set of the ids themselves took over
 * 100 MiB of the heap at a million events, and the collector most of the time): one it says "maybe" is looked for.
 *
 * <p>One thread at a time: whoever uses it holds {@link #lock()}.
 */
final class WorkingSet implements Documents {

    private record Key(String collection, String id) {
    }

    private static final class Slot {
        final ReadCollection collection;
        final String id;
        Document document;
        long revision;
        boolean dirty;

        Slot(ReadCollection collection, String id, Document document, long revision) {
            this.collection = collection;
            this.id = id;
            this.document = document;
            this.revision = revision;
        }
    }

    private final DocumentStore store;
    private final Generation generation;
    private final int segment;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, Slot> slots = new LinkedHashMap<>(4096, 0.75f, true);
    private final Set<Slot> dirty = new LinkedHashSet<>();
    private final Map<String, Object> locals = new HashMap<>();
    static final int WRITTEN_EXPECTED = 4_000_000;
    /** Collection and id of each document written, while everything the generation holds was written here. */
    private BloomFilter<CharSequence> written;
    private boolean building;
    private Runnable heldToken;
    private long lastWrite = System.nanoTime();
    private long lastChange = System.nanoTime();

    /**
     * {@code building}: the pass builds the generation from the first event; {@code storeEmpty}: and nothing of it
     * is stored yet (a build that resumes after a restart reads what the earlier run wrote).
     */
    WorkingSet(DocumentStore store, Generation generation, int segment, int capacity, boolean building, boolean storeEmpty) {
        this.store = store;
        this.generation = generation;
        this.segment = segment;
        this.capacity = capacity;
        this.building = building;
        this.written = building && storeEmpty
                ? BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), WRITTEN_EXPECTED, 0.01) : null;
    }

    ReentrantLock lock() {
        return lock;
    }

    int segment() {
        return segment;
    }

    @Override
    public Document find(ReadCollection collection, String id) {
        return slot(collection, id).document;
    }

    @Override
    public Document findOrMake(ReadCollection collection, String id) {
        Slot slot = slot(collection, id);
        if (slot.document == null) {
            slot.document = new Document("_id", id);
            touch(slot);
        }
        return slot.document;
    }

    @Override
    public void changed(ReadCollection collection, Document document) {
        Slot slot = slots.get(new Key(collection.name(), document.getString("_id")));
        if (slot == null || slot.document != document) {
            throw new IllegalStateException("Only a document found here can be changed here: " + collection.name() + "/"
                    + document.get("_id"));
        }
        touch(slot);
    }

    @Override
    public void remove(ReadCollection collection, String id) {
        Slot slot = slot(collection, id);
        if (slot.document != null) {
            slot.document = null;
            touch(slot);
        }
    }

    @Override
    public String share(String id) {
        return id + "/s" + segment;
    }

    @Override
    public boolean building() {
        return building;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T local(String name, Supplier<T> make) {
        return (T) locals.computeIfAbsent(name, k -> make.get());
    }

    /**
     * This segment's shares ({@link #share}) of the collection, as stored and as changed here: what a projection
     * computes derived figures from afresh. Read only: what is stored and not at hand is decoded one document at a
     * time and not kept (at a million events a build's days outgrow the heap).
     */
    @Override
    public void forEach(ReadCollection collection, Consumer<Document> each) {
        String mine = "/s" + segment;
        Set<String> seen = new HashSet<>();
        for (Slot slot : new ArrayList<>(slots.values())) { // the caller may find documents: the order of use changes
            if (slot.collection.equals(collection) && slot.id.endsWith(mine)) {
                seen.add(slot.id);
                if (slot.document != null) {
                    each.accept(slot.document);
                }
            }
        }
        store.forEach(generation.collection(collection), d -> {
            String id = d.getString("_id");
            if (id.endsWith(mine) && !seen.contains(id)) {
                each.accept(d);
            }
        });
    }

    /** Whether changes are waiting to be written. */
    boolean hasChanges() {
        return !dirty.isEmpty();
    }

    int changes() {
        return dirty.size();
    }

    /** Nanoseconds since the last change, and since the last write. */
    long idleNanos() {
        return System.nanoTime() - lastChange;
    }

    long sinceWriteNanos() {
        return System.nanoTime() - lastWrite;
    }

    /**
     * Keeps {@code storeToken} (storing the token of the events applied so far) until their changes are written;
     * at once if nothing is waiting.
     */
    void hold(Runnable storeToken) {
        if (dirty.isEmpty()) {
            storeToken.run();
            heldToken = null;
        } else {
            heldToken = storeToken;
        }
    }

    boolean holdsToken() {
        return heldToken != null;
    }

    /**
     * Writes every change, documents computed from others first, then stores the token held for them. A write
     * refused (another pass wrote a document) or failed leaves nothing at hand: the pass starts again from what is
     * stored.
     */
    void write(List<Projection> projections) {
        try {
            for (Projection projection : projections) {
                projection.derive(this, false);
            }
            send();
            Runnable token = heldToken;
            heldToken = null;
            if (token != null) {
                token.run();
            }
        } catch (RuntimeException | Error failed) {
            forget();
            throw failed;
        }
    }

    /** The build from the first event has caught up: derived documents computed once, then kept at every write. */
    void finishBuilding(List<Projection> projections) {
        try {
            send();
            for (Projection projection : projections) {
                projection.derive(this, true);
            }
            building = false;
            written = null;
            write(projections);
        } catch (RuntimeException | Error failed) {
            forget();
            throw failed;
        }
    }

    /** Drops everything at hand, written or not, and the token held: what the pass does after a failure. */
    void forget() {
        slots.clear();
        dirty.clear();
        locals.clear();
        heldToken = null;
        written = null;
    }

    private void send() {
        if (dirty.isEmpty()) {
            return;
        }
        Map<ReadCollection, List<Slot>> byCollection = new LinkedHashMap<>();
        for (Slot slot : dirty) {
            byCollection.computeIfAbsent(slot.collection, c -> new ArrayList<>()).add(slot);
        }
        List<ReadCollection> order = new ArrayList<>(byCollection.keySet());
        order.sort(Comparator.comparing(ReadCollection::rank));
        for (ReadCollection collection : order) {
            List<Slot> changed = byCollection.get(collection);
            List<DocumentWrite> writes = new ArrayList<>(changed.size());
            List<Slot> written = new ArrayList<>(changed.size());
            for (Slot slot : changed) {
                if (slot.document == null) {
                    if (slot.revision >= 0) {
                        writes.add(new DocumentWrite(slot.id, slot.revision, null));
                        written.add(slot);
                    }
                } else {
                    slot.document.put(DocumentStore.REVISION, slot.revision + 1);
                    writes.add(new DocumentWrite(slot.id, slot.revision, slot.document));
                    written.add(slot);
                }
            }
            store.write(generation.collection(collection), writes);
            for (Slot slot : written) {
                slot.revision = slot.document == null ? -1 : slot.revision + 1;
                if (this.written != null && slot.document != null) { // a removed one stays "maybe": looked for
                    this.written.put(writtenKey(collection, slot.id));
                }
            }
        }
        dirty.forEach(slot -> slot.dirty = false);
        dirty.clear();
        lastWrite = System.nanoTime();
        evict();
    }

    private void evict() {
        Iterator<Slot> eldest = slots.values().iterator();
        while (slots.size() > capacity && eldest.hasNext()) {
            if (!eldest.next().dirty) {
                eldest.remove();
            }
        }
    }

    private void touch(Slot slot) {
        if (!slot.dirty) {
            slot.dirty = true;
            dirty.add(slot);
        }
        lastChange = System.nanoTime();
    }

    private Slot slot(ReadCollection collection, String id) {
        Key key = new Key(collection.name(), id);
        Slot slot = slots.get(key);
        if (slot != null) {
            return slot;
        }
        Document stored = null;
        if (written == null || written.mightContain(writtenKey(collection, id))) {
            stored = store.find(generation.collection(collection), id);
        }
        slot = new Slot(collection, id, stored, stored == null ? -1 : revisionOf(stored));
        slots.put(key, slot);
        return slot;
    }

    private static String writtenKey(ReadCollection collection, String id) {
        return collection.name() + '\u0000' + id;
    }

    private static long revisionOf(Document document) {
        Number revision = document.get(DocumentStore.REVISION, Number.class);
        return revision == null ? 0 : revision.longValue();
    }
}
