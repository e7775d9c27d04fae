package org.civicledger.query.readmodel;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded read store's file of tokens, sagas and parked events (H2's MVStore; the documents are beside it,
 * {@link RocksDocuments}) and its commits, each one a moment of the whole file: every write that finished before
 * it, none that had not begun.
 *
 * <p>MVStore's own commits (its background thread every second, or a writer past the unsaved-changes buffer) take
 * the maps one after the other while other threads keep writing, so one commit can hold a later write without an
 * earlier one: a pass's token without the documents before it, an idea's ballots without the idea's count. After a
 * kill -9 the file would then be ahead of what it holds, and the events in between never applied again. Here every
 * write runs under a shared lock and a commit under the exclusive one; the file is committed on a cadence and when
 * its unsaved changes pass a size, and never by MVStore on its own (its manual-commit mode: no background thread).
 * A commit serializes and saves its pages before it returns. The file is not compacted while it runs (MVStore
 * reuses the space of chunks left with no live page, but half-empty chunks stay): compacting beside the pass is
 * still to be done.
 */
public final class ReadStoreFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreFile.class);

    private final MVStore store;
    private final ReentrantReadWriteLock moments = new ReentrantReadWriteLock();
    private final long commitBytes;
    private final ScheduledExecutorService cadence;

    private ReadStoreFile(MVStore store, long commitBytes, long commitEveryMillis) {
        this.store = store;
        this.commitBytes = commitBytes;
        this.cadence = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-store-commits");
            thread.setDaemon(true);
            return thread;
        });
        cadence.scheduleWithFixedDelay(this::commitOnCadence, commitEveryMillis, commitEveryMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the file: {@code cacheMiB} of pages kept in memory, a commit whenever {@code commitMiB} of
     * changes are unsaved and at least every {@code commitEveryMillis}; {@code compress}: pages compressed.
     */
    public static ReadStoreFile open(Path file, int cacheMiB, int commitMiB, boolean compress, long commitEveryMillis) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMiB)
                .autoCommitDisabled() // no background thread committing on its own
                .autoCommitBufferSize(0); // and no commit from inside a write
        MVStore store = (compress ? builder.compress() : builder).open();
        return new ReadStoreFile(store, (long) commitMiB << 20, commitEveryMillis);
    }

    public MVStore store() {
        return store;
    }

    /** Runs {@code write} between two commits, then commits if enough is unsaved. */
    public <T> T write(Supplier<T> write) {
        T result;
        moments.readLock().lock();
        try {
            result = write.get();
        } finally {
            moments.readLock().unlock();
        }
        if (store.getUnsavedMemory() >= commitBytes && moments.getReadHoldCount() == 0) {
            commit();
        }
        return result;
    }

    public void write(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    /** Drops the maps whose names start with {@code prefix} (what an earlier release kept here), and commits. */
    public void dropMapsNamed(String prefix) {
        java.util.List<String> names = store.getMapNames().stream().filter(name -> name.startsWith(prefix)).toList();
        if (!names.isEmpty()) {
            write(() -> names.forEach(name -> store.removeMap(name)));
            commit();
            log.info("Dropped {} maps an earlier release kept in {} ({}*)", names.size(), store.getFileStore().getFileName(), prefix);
        }
    }

    /** Commits what every finished write changed, if anything. */
    public void commit() {
        moments.writeLock().lock();
        try {
            if (store.isClosed()) {
                return;
            }
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            moments.writeLock().unlock();
        }
    }

    /** Whether a commit waits for the writes in progress to finish. */
    boolean commitWaits() {
        return moments.hasQueuedThreads();
    }

    private void commitOnCadence() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("Read store file not committed on its cadence ({}); tried again on the next", e.toString());
        }
    }

    /** Stops the cadence and closes the file, committing what is unsaved. */
    @Override
    public void close() {
        close(() -> { });
    }

    /** Stops the cadence, runs {@code closing} (what else uses the file closes) and closes the file, committing what is unsaved. */
    public void close(Runnable closing) {
        cadence.shutdownNow();
        moments.writeLock().lock();
        try {
            closing.run();
            if (!store.isClosed()) {
                store.close();
            }
        } finally {
            moments.writeLock().unlock();
        }
    }
}
