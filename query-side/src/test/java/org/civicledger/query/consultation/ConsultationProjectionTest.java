package org.civicledger.query.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.shared.TestVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consultations projection over the MongoDB driver: what it keeps does not depend on the order in
 * which events of different consultations arrive — positions of the event stream commit out of order, so
 * the order a running system meets them in is not the order a rebuild replays them in.
 */
class ConsultationProjectionTest {

    private static final String IDEA = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";
    private static final Instant OPENS = Instant.parse("2026-11-01T10:00:00Z");

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        servers.clear();
        clients.clear();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void theConsultationsAboutAnIdeaAreKeptAlikeInWhicheverOrderTheyOpened() {
        MongoDatabase asMet = readStore();
        MongoDatabase asReplayed = readStore();

        opened(asMet, "c-2", "c-1");
        opened(asReplayed, "c-1", "c-2");

        assertThat(aboutTheIdea(asMet)).isEqualTo(aboutTheIdea(asReplayed));
        ConsultationProjection projection = new ConsultationProjection(asMet, Clock.systemUTC(), new TestVault());
        projection.on(new BenchOpinionGiven("opinion-1", "c-1", "a", "bench-maglaj-1"), 0, OPENS);
        projection.on(new BenchOpinionGiven("opinion-2", "c-2", "a", "bench-maglaj-1"), 0, OPENS);
        assertThat(projection.anonymousOpinionsAbout(IDEA)).isEqualTo(2);
    }

    private MongoDatabase readStore() {
        MongoServer server = new MongoServer(new MemoryBackend());
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        servers.add(server);
        clients.add(client);
        return client.getDatabase("test");
    }

    private static void opened(MongoDatabase readStore, String... consultations) {
        ConsultationProjection projection = new ConsultationProjection(readStore, Clock.systemUTC(), new TestVault());
        for (String consultation : consultations) {
            projection.on(new ConsultationOpened(consultation, "maglaj", TestVault.text("{\"bs\":\"Koja ulica?\"}"),
                    List.of(new ConsultationOpened.Option("a", TestVault.text("{\"bs\":\"A\"}"))), OPENS,
                    OPENS.plusSeconds(86_400),
                    "officer-pseudonym-0001", IDEA), 0);
        }
    }

    private static Document aboutTheIdea(MongoDatabase readStore) {
        return readStore.getCollection("consultationsAboutIdeas").find().first();
    }
}
