package org.civicledger.query.readstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.civicledger.query.readmodel.DocumentStore;
import org.civicledger.query.readmodel.MemoryDocuments;
import org.civicledger.query.readmodel.ReadStoreFile;
import org.civicledger.query.readmodel.RocksDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read store: MongoDB at {@code civic.read-store.mongodb.uri}, or, when that is unset, the embedded
 * default, which keeps the read models in this process through a {@link DocumentStore} of its own — each
 * document's BSON bytes by {@code _id} — and the pass's tokens and parked events through Axon's MongoDB
 * adapters in an in-process server that speaks the MongoDB wire protocol. With
 * {@code civic.read-store.embedded.storage=file} (the default) both are kept under the data directory, as they
 * are across restarts: the documents by RocksDB ({@code read-store/documents}, {@link RocksDocuments}; memory
 * bounded by its block cache, {@code civic.read-store.embedded.cache-mib}, and its write buffers), the tokens and
 * parked events in a file of H2's MVStore ({@code read-store/read-models.mv}); a pass's documents are written
 * before its token. With {@code memory}, in the heap ({@link MemoryDocuments}, memory growing with the history),
 * kept across restarts by a snapshot.
 * Tokens live beside the read models they describe: a fresh read store has none, and the read models are
 * rebuilt from the first event.
 */
@Configuration(proxyBeanMethods = false)
public class ReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreConfiguration.class);
    private static final int TOKEN_FILE_CACHE_MIB = 8;
    /** Where releases before RocksDB kept the documents in the MVStore file: dropped, a new generation is built. */
    private static final String RELEASE_2026_12_DOCUMENTS = "documents.";

    /**
     * Present only when no MongoDB URI is configured; {@code documents}: the read models in this process (null with
     * file storage); {@code snapshot}: only when they are kept across restarts.
     */
    public record EmbeddedReadStore(MongoServer server, String uri, DocumentStore documents, ReadStoreSnapshot snapshot,
                                    String database, ScheduledExecutorService cadence) implements AutoCloseable {

        /** Writes the snapshot (the passes have stopped and written their documents and tokens), then stops. */
        @Override
        public void close() {
            if (cadence != null) {
                cadence.shutdownNow();
            }
            if (snapshot != null) {
                writeSnapshot("at stop");
            }
            if (server != null) {
                server.shutdownNow();
            }
            if (documents instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Read store documents not closed cleanly ({})", e.toString());
                }
            }
        }

        void writeSnapshot(String when) {
            try (MongoClient client = MongoClients.create(uri)) {
                ReadStoreSnapshot.Outcome written = snapshot.write(client.getDatabase(database), (MemoryDocuments) documents);
                if (written != null) {
                    log.info("Read store snapshot written {}: {} documents in {} collections, {} MiB in {} s, {}", when,
                            written.documents(), written.collections(), written.bytes() >> 20,
                            String.format(Locale.ROOT, "%.1f", written.seconds()), snapshot.file());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Read store snapshot not written {} ({}); the earlier one is kept", when, e.toString());
            }
        }
    }

    /** How the embedded read store keeps its documents. */
    enum Storage {
        /**
         * In this process's memory: faster, but memory grows with the history; kept across restarts by a
         * snapshot under the data directory, written at stop and every
         * {@code civic.read-store.embedded.snapshot-every} (PT10M; PT0S: none, the read models are then rebuilt
         * from the events at every start).
         */
        MEMORY,
        /**
         * In a file under the data directory (the default; H2's MVStore): memory bounded by a cache, the read
         * models and their tokens kept across restarts as they are, nothing to load at start.
         */
        FILE;

        static Storage of(String setting) {
            try {
                return valueOf(setting.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("civic.read-store.embedded.storage must be file or memory, not '" + setting + "'");
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedReadStore embeddedReadStore(@Value("${civic.read-store.mongodb.uri:}") String uri,
                                        @Value("${civic.read-store.embedded.storage:file}") String storage,
                                        @Value("${civic.read-store.embedded.cache-mib:16}") int cacheMiB,
                                        @Value("${civic.read-store.embedded.commit-mib:4}") int commitMiB,
                                        @Value("${civic.read-store.embedded.compress:false}") boolean compress,
                                        @Value("${civic.read-store.embedded.snapshot-every:PT10M}") Duration snapshotEvery,
                                        @Value("${civic.read-store.mongodb.database:civic-ledger}") String database,
                                        @Value("${civic.data-dir:./data}") String dataDirectory) {
        if (!uri.isBlank()) {
            return new EmbeddedReadStore(null, uri, null, null, database, null);
        }
        MongoServer server;
        String where;
        DocumentStore fileDocuments = null;
        if (Storage.of(storage) == Storage.FILE) {
            Path file = Path.of(dataDirectory, "read-store", "read-models.mv").toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + file.getParent(), e);
            }
            // committed when this much is changed (or a second has passed): a page many writes change is serialized
            // once; compression costs the serializing thread more than the disk it saves. It holds tokens, sagas and
            // parked events only: a small cache is enough.
            ReadStoreFile readStoreFile = ReadStoreFile.open(file, TOKEN_FILE_CACHE_MIB, commitMiB, compress, 1_000);
            readStoreFile.dropMapsNamed(RELEASE_2026_12_DOCUMENTS);
            server = new MongoServer(new FileBackend(readStoreFile));
            fileDocuments = RocksDocuments.open(file.resolveSibling("documents"), cacheMiB);
            where = "file " + file;
        } else {
            server = new MongoServer(new MemoryBackend());
            where = "memory";
        }
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String embeddedUri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Read store: embedded MongoDB-wire server ({}) at {}; a read store without a projection's "
                + "position is rebuilt from the events", where, embeddedUri);
        if (Storage.of(storage) == Storage.FILE) {
            return new EmbeddedReadStore(server, embeddedUri, fileDocuments, null, database, null);
        }
        MemoryDocuments documents = new MemoryDocuments();
        if (snapshotEvery.isZero() || snapshotEvery.isNegative()) {
            return new EmbeddedReadStore(server, embeddedUri, documents, null, database, null);
        }
        ReadStoreSnapshot snapshot = new ReadStoreSnapshot(Path.of(dataDirectory, "read-store", "snapshot.bson").toAbsolutePath());
        try (MongoClient client = MongoClients.create(embeddedUri)) {
            ReadStoreSnapshot.Outcome restored = snapshot.restore(client, database, documents);
            if (restored != null) {
                log.info("Read store restored from its snapshot: {} documents in {} collections in {} s ({})",
                        restored.documents(), restored.collections(), String.format(Locale.ROOT, "%.1f", restored.seconds()),
                        snapshot.file());
            }
        }
        ScheduledExecutorService cadence = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-store-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        EmbeddedReadStore embedded = new EmbeddedReadStore(server, embeddedUri, documents, snapshot, database, cadence);
        long every = snapshotEvery.toMillis();
        cadence.scheduleWithFixedDelay(() -> embedded.writeSnapshot("on its cadence"), every, every, TimeUnit.MILLISECONDS);
        return embedded;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedReadStore store) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.uri()))
                .applicationName("civic-ledger")
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase readStore(MongoClient client,
                            @Value("${civic.read-store.mongodb.database:civic-ledger}") String database) {
        return client.getDatabase(database);
    }

    /** Axon's access to the read store, for its tracking tokens and dead letters. */
    @Bean
    MongoTemplate axonReadStore(MongoDatabase readStore) {
        return DefaultMongoTemplate.builder().mongoDatabase(readStore).build();
    }

    /** Tracking tokens beside the read models, so that both are lost, and rebuilt, together. */
    @Bean
    TokenStore tokenStore(MongoTemplate axonReadStore, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonReadStore)
                .serializer(serializer)
                .build();
    }
}
