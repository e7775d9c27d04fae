package org.civicledger.query.idea;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idea projection over the MongoDB driver: duplicates and replays never change what was projected. */
class IdeaProjectionTest {

    private static final String ID = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase readStore;
    private IdeaProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        readStore = client.getDatabase("test");
        projection = new IdeaProjection(readStore);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static IdeaSubmitted submitted(String title) {
        return new IdeaSubmitted(ID, "maglaj", null, "parks", title, "Opis", "hr", Channel.BENCH, "pseudonym-0123456789");
    }

    @Test
    void anIdeaIsProjectedAsThePublicSeesIt() {
        Instant at = Instant.parse("2026-11-01T10:15:30Z");

        projection.on(submitted("Novi park"), 0, at);

        IdeaView view = projection.handle(new FindIdea(ID)).orElseThrow();
        assertThat(view).isEqualTo(new IdeaView(ID, "maglaj", null, "parks", "Novi park", "Opis", "hr", "BENCH",
                "SUBMITTED", at));
    }

    @Test
    void aDuplicateOrReplayedEventChangesNothing() {
        Instant first = Instant.parse("2026-11-01T10:15:30Z");
        projection.on(submitted("Novi park"), 0, first);

        projection.on(submitted("Novi park"), 0, first);
        projection.on(submitted("A different title that must not win"), 0, Instant.parse("2026-11-02T00:00:00Z"));

        assertThat(readStore.getCollection(IdeaProjection.COLLECTION).countDocuments()).isEqualTo(1);
        IdeaView view = projection.handle(new FindIdea(ID)).orElseThrow();
        assertThat(view.title()).isEqualTo("Novi park");
        assertThat(view.submittedAt()).isEqualTo(first);
    }

    @Test
    void theAuthorsPseudonymIsNotPartOfThePublicView() {
        projection.on(submitted("Novi park"), 0, Instant.now());

        assertThat(readStore.getCollection(IdeaProjection.COLLECTION).find().first().toJson())
                .doesNotContain("pseudonym-0123456789");
    }

    @Test
    void anUnknownIdeaIsAbsent() {
        assertThat(projection.handle(new FindIdea(ID))).isEmpty();
    }
}
