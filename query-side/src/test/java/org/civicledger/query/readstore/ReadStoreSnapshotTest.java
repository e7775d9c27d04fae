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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadStoreSnapshotTest {

    @TempDir
    Path directory;

    @Test
    void aStoreWrittenAndRestoredHoldsTheSameDocuments() throws Exception {
        ReadStoreSnapshot snapshot = new ReadStoreSnapshot(directory.resolve("snapshot.bson"));
        withStore(database -> {
            database.getCollection("readModels").insertOne(new Document("_id", "generations").append("current", new Document("number", 3)));
            database.getCollection("trackingtokens").insertOne(new Document("_id", "t").append("token", "position 41"));
            List<Document> ideas = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                ideas.add(new Document("_id", "idea-" + i).append("votes", i).append("title", List.of("a", "b")));
            }
            database.getCollection("g3_ideas").insertMany(ideas);
            write(snapshot, database);
        });

        withStore(database -> {
            ReadStoreSnapshot.Outcome restored = snapshot.restore(clientOf(database), "civic-ledger");

            assertThat(restored.documents()).isEqualTo(5_002);
            assertThat(database.getCollection("g3_ideas").countDocuments()).isEqualTo(5_000);
            assertThat(database.getCollection("g3_ideas").find(new Document("_id", "idea-4321")).first())
                    .isEqualTo(new Document("_id", "idea-4321").append("votes", 4321).append("title", List.of("a", "b")));
            assertThat(database.getCollection("trackingtokens").find().first().getString("token")).isEqualTo("position 41");
        });
    }

    @Test
    void aSnapshotCutShortIsSetAsideAndNothingOfItIsKept() throws Exception {
        ReadStoreSnapshot snapshot = new ReadStoreSnapshot(directory.resolve("snapshot.bson"));
        withStore(database -> {
            List<Document> ideas = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                ideas.add(new Document("_id", "idea-" + i).append("votes", i));
            }
            database.getCollection("g1_ideas").insertMany(ideas);
            write(snapshot, database);
        });
        byte[] whole = Files.readAllBytes(snapshot.file());
        Files.write(snapshot.file(), java.util.Arrays.copyOf(whole, whole.length / 2));

        withStore(database -> {
            assertThat(snapshot.restore(clientOf(database), "civic-ledger")).isNull();
            assertThat(database.listCollectionNames().into(new ArrayList<>())).isEmpty();
        });
        assertThat(snapshot.file()).doesNotExist();
        assertThat(directory.resolve("snapshot.bson.unreadable")).exists();
    }

    @Test
    void noSnapshotRestoresNothing() {
        assertThat(new ReadStoreSnapshot(directory.resolve("none.bson")).restore(null, "civic-ledger")).isNull();
    }

    private MongoClient client;

    private MongoClient clientOf(MongoDatabase database) {
        return client;
    }

    private static void write(ReadStoreSnapshot snapshot, MongoDatabase database) {
        try {
            assertThat(snapshot.write(database)).isNotNull();
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
