package org.civicledger.query.readstore;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes of a processor's batch go out together after its last event, in the order they must follow; reads
 * inside the batch see them.
 */
class BatchedWritesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;
    private MongoCollection<Document> others;
    /** The collections written to, in the order the writes reached the read store. */
    private final List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("insert") || event.getCommandName().equals("update")) {
                            written.add(event.getCommand().getString(event.getCommandName()).getValue());
                        }
                    }
                }).build());
        documents = client.getDatabase("test").getCollection("documents");
        others = client.getDatabase("test").getCollection("others");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void outsideABatchAWriteIsMadeAtOnce() {
        BatchedWrites.write(documents, new InsertOneModel<>(new Document("_id", "a")));

        assertThat(documents.countDocuments()).isEqualTo(1);
    }

    @Test
    void insideABatchWritesWaitForItsLastEventThenGoTogether() throws Exception {
        List<Long> seenByHandlers = new ArrayList<>();
        List<EventMessage<?>> batch = List.of(event("first"), event("second"), event("third"));

        handleInOneBatch(batch, event -> {
            seenByHandlers.add(documents.countDocuments());
            BatchedWrites.write(documents, new InsertOneModel<>(new Document("_id", event.getPayload())));
        });

        assertThat(seenByHandlers).containsExactly(0L, 0L, 0L); // nothing sent while the batch was handled
        assertThat(documents.countDocuments()).isEqualTo(3); // all sent after the last event
    }

    @Test
    void aFlushInsideABatchSendsWhatIsPendingSoThatAReadSeesIt() throws Exception {
        List<Boolean> found = new ArrayList<>();

        handleInOneBatch(List.of(event("first"), event("second")), event -> {
            if (event.getPayload().equals("first")) {
                BatchedWrites.write(documents, new InsertOneModel<>(new Document("_id", "first")));
            } else {
                BatchedWrites.flush(documents);
                found.add(documents.find(eq("_id", "first")).first() != null);
            }
        });

        assertThat(found).containsExactly(true);
    }

    @Test
    void aWriteMadeAfterAnotherCollectionsWritesFollowsThemEvenWhenItsCollectionIsFlushedAlone() throws Exception {
        handleInOneBatch(List.of(event("first"), event("second")), event -> {
            if (event.getPayload().equals("first")) {
                BatchedWrites.write(documents, new InsertOneModel<>(new Document("_id", "counted")));
                BatchedWrites.writeAfter(documents, others, new InsertOneModel<>(new Document("_id", "recorded")));
            } else {
                BatchedWrites.flush(others);
            }
        });

        assertThat(written).containsExactly("documents", "others");
    }

    @Test
    void aSettlingWriteWaitsForEveryOtherWriteOfTheBatch() throws Exception {
        handleInOneBatch(List.of(event("first"), event("second")), event -> {
            if (event.getPayload().equals("first")) {
                BatchedWrites.settle(documents, new InsertOneModel<>(new Document("_id", "mark removed")));
                BatchedWrites.write(documents, new InsertOneModel<>(new Document("_id", "marked")));
            } else {
                BatchedWrites.write(others, new InsertOneModel<>(new Document("_id", "recorded")));
            }
        });

        assertThat(written).containsExactly("documents", "others", "documents");
        assertThat(documents.countDocuments()).isEqualTo(2);
    }

    @Test
    void whatIsRememberedLastsOneBatchAndHandlersSeeTheBatchAhead() throws Exception {
        List<Object> remembered = new ArrayList<>();
        List<Integer> ahead = new ArrayList<>();

        for (int round = 0; round < 2; round++) {
            handleInOneBatch(List.of(event("a"), event("b")), event -> {
                remembered.add(BatchedWrites.remembered("state", Object::new));
                ahead.add(BatchedWrites.batch().size());
            });
        }

        assertThat(remembered.get(0)).isSameAs(remembered.get(1));
        assertThat(remembered.get(2)).isSameAs(remembered.get(3)).isNotSameAs(remembered.get(0));
        assertThat(ahead).containsOnly(2);
        assertThat(BatchedWrites.batch()).isEmpty();
        assertThat(BatchedWrites.remembered("state", Object::new)).isNotSameAs(BatchedWrites.remembered("state", Object::new));
    }

    private interface Handler {
        void handle(EventMessage<?> event) throws Exception;
    }

    /** As a tracking processor does: one unit of work for the batch, the interceptor around each event. */
    private static void handleInOneBatch(List<EventMessage<?>> events, Handler handler) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(BatchedWrites.perBatch()),
                message -> {
                    handler.handle(message);
                    return null;
                }).proceed());
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
