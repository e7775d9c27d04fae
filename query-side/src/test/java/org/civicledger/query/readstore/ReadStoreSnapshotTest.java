package org.civicledger.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.civicledger.query.readmodel.DocumentStore;
import org.civicledger.query.readmodel.DocumentWrite;
import org.civicledger.query.readmodel.MemoryDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadStoreSnapshotTest {

    @TempDir
    Path directory;

    @Test
    void aStoreWrittenAndRestoredHoldsTheSameDocuments() throws Exception {
        ReadStoreSnapshot snapshot = new ReadStoreSnapshot(directory.resolve("snapshot.bson"));
        withStore(database -> {
            database.getCollection("trackingtokens").insertOne(new Document("_id", "t").append("token", "position 41"));
            write(documents, "readModels", new Document("_id", "generations").append("current", new Document("number", 3)));
            for (int i = 0; i < 5_000; i++) {
                write(documents, "g3_ideas", new Document("_id", "idea-" + i).append("votes", i).append("title", List.of("a", "b"))
                        .append(DocumentStore.REVISION, 0L));
            }
            write(snapshot, database);
        });
        documents = new MemoryDocuments();

        withStore(database -> {
            ReadStoreSnapshot.Outcome restored = snapshot.restore(clientOf(database), "civic-ledger", documents);

            assertThat(restored.documents()).isEqualTo(5_002);
            assertThat(documents.find("g3_ideas", "idea-4321")).isEqualTo(new Document("_id", "idea-4321").append("votes", 4321)
                    .append("title", List.of("a", "b")).append(DocumentStore.REVISION, 0L));
            assertThat(documents.find("readModels", "generations").get("current", Document.class).getInteger("number")).isEqualTo(3);
            assertThat(database.getCollection("trackingtokens").find().first().getString("token")).isEqualTo("position 41");
        });
        documents.write("g3_ideas", List.of(new DocumentWrite("idea-1", 0, new Document("_id", "idea-1").append(DocumentStore.REVISION, 1L))));
        assertThat(documents.find("g3_ideas", "idea-1").getLong(DocumentStore.REVISION)).isEqualTo(1L);
    }

    @Test
    void aSnapshotCutShortIsSetAsideAndNothingOfItIsKept() throws Exception {
        ReadStoreSnapshot snapshot = new ReadStoreSnapshot(directory.resolve("snapshot.bson"));
        withStore(database -> {
            database.getCollection("trackingtokens").insertOne(new Document("_id", "t").append("token", "position 41"));
            for (int i = 0; i < 3_000; i++) {
                write(documents, "g1_ideas", new Document("_id", "idea-" + i).append("votes", i));
            }
            write(snapshot, database);
        });
        byte[] whole = Files.readAllBytes(snapshot.file());
        Files.write(snapshot.file(), java.util.Arrays.copyOf(whole, whole.length / 2));

        MemoryDocuments restoredHere = new MemoryDocuments();
        withStore(database -> {
            assertThat(snapshot.restore(clientOf(database), "civic-ledger", restoredHere)).isNull();
            assertThat(database.listCollectionNames().into(new ArrayList<>())).isEmpty();
        });
        assertThat(restoredHere.collections()).isEmpty();
        assertThat(snapshot.file()).doesNotExist();
        assertThat(directory.resolve("snapshot.bson.unreadable")).exists();
    }

    @Test
    void noSnapshotRestoresNothing() {
        assertThat(new ReadStoreSnapshot(directory.resolve("none.bson")).restore(null, "civic-ledger", documents)).isNull();
    }

    private MongoClient client;
    private MemoryDocuments documents = new MemoryDocuments();

    private static void write(MemoryDocuments documents, String collection, Document document) {
        documents.write(collection, List.of(new DocumentWrite(document.getString("_id"), -1, document)));
    }

    private MongoClient clientOf(MongoDatabase database) {
        return client;
    }

    private void write(ReadStoreSnapshot snapshot, MongoDatabase database) {
        try {
            assertThat(snapshot.write(database, documents)).isNotNull();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void withStore(Consumer<MongoDatabase> test) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try {
            client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
            test.accept(client.getDatabase("civic-ledger"));
        } finally {
            client.close();
            server.shutdownNow();
        }
    }
}
