package org.civicledger.query.readmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The read models of the default run in a directory under the data directory, kept by RocksDB (a log-structured
 * store: a write is appended to its log and to a table in memory, and tables are merged on disk in the
 * background). Each document is its BSON bytes under the key {@code <collection> NUL <_id>}. The read models'
 * writes are to documents at random keys — an idea, a ballot share, a day — and a B-tree (the MVStore file before)
 * rewrote a whole page for each of them; here each is an append.
 *
 * <p>A call to {@link #write} is one atomic batch, written to the log before it returns (not synced to the disk:
 * a killed process loses nothing, a lost machine may lose the last writes, and the pass applies their events
 * again from its token, which is stored after them). Batches are kept in the order they were written, so what
 * survives a stop is every write up to some point, never a later one without an earlier one. Revisions are
 * checked here: only this process opens the directory (RocksDB locks it).
 */
public final class RocksDocuments implements DocumentStore, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    /** Keys of the collections there are: {@code SOH <collection>}; documents sort after them. */
    private static final byte COLLECTION_MARK = 0x01;
    private static final byte SEPARATOR = 0x00;

    private final RocksDB db;
    private final Options options;
    private final LRUCache cache;
    private final WriteOptions writeOptions = new WriteOptions();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Object writing = new Object();

    private RocksDocuments(RocksDB db, Options options, LRUCache cache) {
        this.db = db;
        this.options = options;
        this.cache = cache;
        try (RocksIterator names = db.newIterator()) {
            for (names.seek(new byte[] {COLLECTION_MARK}); names.isValid() && names.key()[0] == COLLECTION_MARK; names.next()) {
                collections.add(new String(names.key(), 1, names.key().length - 1, StandardCharsets.UTF_8));
            }
        }
    }

    /** Opens (or creates) the store in {@code directory}, with {@code cacheMiB} of blocks cached in memory. */
    public static RocksDocuments open(Path directory, int cacheMiB) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        LRUCache cache = new LRUCache((long) cacheMiB << 20);
        Options options = new Options()
                .setCreateIfMissing(true)
                .setWriteBufferSize(16L << 20)
                .setMaxWriteBufferNumber(2)
                .setMaxBackgroundJobs(2)
                .setMaxOpenFiles(512)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setCacheIndexAndFilterBlocks(false)
                        .setFilterPolicy(new BloomFilter(10)));
        try {
            return new RocksDocuments(RocksDB.open(options, directory.toString()), options, cache);
        } catch (RocksDBException e) {
            options.close();
            cache.close();
            throw new IllegalStateException("Cannot open the read store at " + directory + ": " + e.getMessage(), e);
        }
    }

    private static byte[] prefix(String collection) {
        byte[] name = collection.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = Arrays.copyOf(name, name.length + 1);
        prefix[name.length] = SEPARATOR;
        return prefix;
    }

    private static byte[] key(byte[] prefix, String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(prefix, prefix.length + idBytes.length);
        System.arraycopy(idBytes, 0, key, prefix.length, idBytes.length);
        return key;
    }

    private static byte[] collectionKey(String collection) {
        byte[] name = collection.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[name.length + 1];
        key[0] = COLLECTION_MARK;
        System.arraycopy(name, 0, key, 1, name.length);
        return key;
    }

    @Override
    public Map<String, Document> find(String collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found; // RocksDB asserts that a multi-get asks for something
        }
        byte[] prefix = prefix(collection);
        List<String> asked = List.copyOf(ids);
        List<byte[]> keys = new ArrayList<>(asked.size());
        for (String id : asked) {
            keys.add(key(prefix, id));
        }
        List<byte[]> values;
        try {
            values = db.multiGetAsList(keys); // one call for a reader's documents (a window's periods, say)
        } catch (RocksDBException e) {
            throw new IllegalStateException("The read store could not be read: " + e.getMessage(), e);
        }
        for (int i = 0; i < asked.size(); i++) {
            if (values.get(i) != null) {
                found.put(asked.get(i), DocumentBytes.decode(values.get(i)));
            }
        }
        return found;
    }

    @Override
    public Document find(String collection, String id) {
        byte[] bson = get(key(prefix(collection), id));
        return bson == null ? null : DocumentBytes.decode(bson);
    }

    private byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("The read store could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String collection, List<DocumentWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        byte[] prefix = prefix(collection);
        synchronized (writing) { // the revisions checked are the ones the batch writes over
            try (WriteBatch batch = new WriteBatch()) {
                if (!collections.contains(collection)) {
                    batch.put(collectionKey(collection), new byte[0]);
                }
                StaleWrite stale = null;
                Map<String, Long> inThisBatch = new HashMap<>(); // revision written here, -1 removed
                for (DocumentWrite write : writes) {
                    byte[] key = key(prefix, write.id());
                    Long written = inThisBatch.get(write.id());
                    long revision;
                    if (written != null) {
                        revision = written;
                    } else {
                        byte[] existing = get(key);
                        revision = existing == null ? -1 : DocumentBytes.revisionOf(existing);
                    }
                    boolean expectedHere = write.expectedRevision() < 0 ? revision < 0
                            : revision >= 0 && revision == write.expectedRevision();
                    inThisBatch.put(write.id(), write.document() == null ? -1L : revisionOf(write.document()));
                    if (!expectedHere) {
                        stale = new StaleWrite(collection, write.id(), write.expectedRevision());
                        break;
                    }
                    if (write.document() == null) {
                        batch.delete(key);
                    } else {
                        batch.put(key, DocumentBytes.encode(write.document()));
                    }
                }
                db.write(writeOptions, batch);
                collections.add(collection);
                if (stale != null) {
                    throw stale;
                }
            } catch (RocksDBException e) {
                throw new IllegalStateException("The read store could not be written: " + e.getMessage(), e);
            }
        }
    }

    private static long revisionOf(Document document) {
        Number revision = document.get(REVISION, Number.class);
        return revision == null ? 0 : revision.longValue();
    }

    @Override
    public void forEach(String collection, Consumer<Document> each) {
        byte[] prefix = prefix(collection);
        byte[] end = prefix.clone();
        end[end.length - 1] = SEPARATOR + 1;
        try (Slice upper = new Slice(end); ReadOptions bounded = new ReadOptions().setIterateUpperBound(upper);
             RocksIterator documents = db.newIterator(bounded)) {
            for (documents.seek(prefix); documents.isValid(); documents.next()) {
                each.accept(DocumentBytes.decode(documents.value()));
            }
        }
    }

    @Override
    public void drop(String collection) {
        byte[] prefix = prefix(collection);
        byte[] end = prefix.clone();
        end[end.length - 1] = SEPARATOR + 1;
        try {
            synchronized (writing) {
                try (WriteBatch batch = new WriteBatch()) {
                    batch.deleteRange(prefix, end);
                    batch.delete(collectionKey(collection));
                    db.write(writeOptions, batch);
                    collections.remove(collection);
                }
            }
            db.compactRange(prefix, end); // the space of a dropped generation given back now, beside the passes' writes
        } catch (RocksDBException e) {
            throw new IllegalStateException("The read store could not drop " + collection + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> collections() {
        return new ArrayList<>(collections);
    }

    @Override
    public void close() {
        synchronized (writing) {
            writeOptions.close();
            db.close();
            options.close();
            cache.close();
        }
    }
}
