package org.civicledger.query.idea;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.readstore.BatchedWrites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vote tally over the MongoDB driver, fed as the {@code ideas} processor feeds it: events in batches,
 * through Axon's handler adapter. Whatever the order of stream positions, duplicates, crashes between
 * writes or dead letters retried, an idea counts exactly the ballots that count now.
 */
class VoteProjectionTest {

    private static final String IDEA = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";

    private final CrashingBackend backend = new CrashingBackend();
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase readStore;
    private VoteProjection votes;

    @BeforeEach
    void setUp() {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        readStore = client.getDatabase("test");
        startProjection();
    }

    /** A new projection on the same read store, as after a restart: nothing kept in memory. */
    private void startProjection() {
        IdeaHomes homes = new IdeaHomes(readStore);
        homes.remember(IDEA, "maglaj");
        votes = new VoteProjection(readStore, homes);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aVoteTakenInAfterOneFurtherOnInTheStreamStillCounts() {
        handleInOneBatch(cast("voter-b", 0, 105L)); // position 103 committed later: a gap filled afterwards

        handleInOneBatch(cast("voter-a", 0, 103L));

        assertThat(votes.countFor(IDEA)).isEqualTo(2);
    }

    @Test
    void aVoteDeliveredTwiceCountsOnce() {
        handleInOneBatch(cast("voter-a", 0, 10L), cast("voter-a", 0, 10L));

        handleInOneBatch(cast("voter-a", 0, 10L));

        assertThat(votes.countFor(IDEA)).isEqualTo(1);
    }

    @Test
    void aWithdrawnVoteStopsCountingAndCountsAgainWhenCastAgain() {
        handleInOneBatch(cast("voter-a", 0, 10L), cast("voter-b", 0, 11L));

        handleInOneBatch(withdrawn("voter-a", 1, 12L));
        long afterWithdrawal = votes.countFor(IDEA);
        handleInOneBatch(cast("voter-a", 2, 13L));

        assertThat(afterWithdrawal).isEqualTo(1);
        assertThat(votes.countFor(IDEA)).isEqualTo(2);
        assertThat(ballot("voter-a")).containsEntry("counted", true).containsEntry("version", 2L)
                .containsEntry("municipalityId", "maglaj").containsKey("castAt");
    }

    @Test
    void aBallotsWholeHistoryReplayedChangesNothing() {
        handleInOneBatch(cast("voter-a", 0, 10L), withdrawn("voter-a", 1, 12L), cast("voter-a", 2, 13L),
                withdrawn("voter-a", 3, 14L));

        handleInOneBatch(cast("voter-a", 0, 10L), withdrawn("voter-a", 1, 12L), cast("voter-a", 2, 13L),
                withdrawn("voter-a", 3, 14L));

        assertThat(votes.countFor(IDEA)).isZero();
        assertThat(ballot("voter-a")).containsEntry("counted", false).containsEntry("version", 3L);
    }

    @Test
    void aBatchCutShortAtAnyOfItsWritesCountsEachVoteOnceWhenHandledAgain() {
        EventMessage<?>[] batch = {cast("voter-b", 0, 11L), withdrawn("voter-a", 1, 12L), cast("voter-a", 2, 13L),
                cast("voter-d", 0, 14L)}; // counted twice would make 6, lost would leave 2
        int write = 0;
        while (true) {
            write++;
            readStore.drop();
            startProjection();
            handleInOneBatch(cast("voter-a", 0, 10L), cast("voter-c", 0, 9L)); // given two votes
            backend.failWrite(write);

            ResultMessage<?> cutShort = handleInOneBatch(batch);
            if (!cutShort.isExceptional()) {
                break; // the batch makes fewer writes than this: every one has been cut
            }
            startProjection(); // restarted: the processor hands the batch in again
            handleInOneBatch(batch);

            assertThat(votes.countFor(IDEA)).as("cut short at write " + write).isEqualTo(4);
            assertThat(marks()).as("cut short at write " + write).isEmpty();
            assertThat(ballot("voter-a")).containsEntry("counted", true).containsEntry("version", 2L);
        }
        assertThat(write).as("writes of the batch, each cut in turn, plus one run without a cut").isGreaterThan(3);
    }

    @Test
    void aDeadLetterRetriedWithoutAPositionCountsOnce() {
        handleInOneBatch(cast("voter-a", 0, 10L));

        retried(cast("voter-b", 0, null));
        retried(cast("voter-a", 0, null)); // a letter the stream had applied already
        retried(cast("voter-b", 0, null));

        assertThat(votes.countFor(IDEA)).isEqualTo(2);
        assertThat(marks()).isEmpty();
    }

    @Test
    void aVoteForAnIdeaTheReadStoreDoesNotKnowWaitsInsteadOfBeingFiledUnderNoMunicipality() {
        String unknown = "0f0e0d0c-0b0a-4909-8807-060504030201";
        DomainEventMessage<?> vote = new GenericDomainEventMessage<>("Ballot", "ballot-" + unknown + "-voter-a", 0,
                new VoteCast(unknown, "voter-a"));

        ResultMessage<?> handled = handleInOneBatch(vote);

        assertThat(handled.isExceptional()).as("failed, so that it is parked and retried after its idea").isTrue();
        assertThat(votes.countFor(unknown)).isZero();
        assertThat(readStore.getCollection(VoteProjection.COLLECTION).countDocuments()).isZero();
    }

    private static DomainEventMessage<?> cast(String voter, long sequence, Long position) {
        return event(new VoteCast(IDEA, voter), voter, sequence, position);
    }

    private static DomainEventMessage<?> withdrawn(String voter, long sequence, Long position) {
        return event(new VoteWithdrawn(IDEA, voter), voter, sequence, position);
    }

    /** An event of a ballot's stream; with a position in the event stream when it comes from a tracking processor. */
    private static DomainEventMessage<?> event(Object payload, String voter, long sequence, Long position) {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Ballot", "ballot-" + IDEA + "-" + voter, sequence,
                payload);
        return position == null ? event : new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), event);
    }

    /** As the tracking processor does: one unit of work for the batch, the batch interceptor around each event. */
    private ResultMessage<?> handleInOneBatch(EventMessage<?>... events) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(votes);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(BatchedWrites.perBatch()),
                handlers::handle).proceed());
    }

    /** As a dead letter is retried: on its own, outside any batch, without a position. */
    private void retried(EventMessage<?> letter) {
        try {
            new AnnotationEventHandlerAdapter(votes).handle(letter);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Document ballot(String voter) {
        return readStore.getCollection(VoteProjection.COLLECTION).find(eq("_id", IDEA + ":" + voter)).first();
    }

    private Document marks() {
        Document tally = readStore.getCollection(VoteProjection.TALLIES).find(eq("_id", IDEA)).first();
        Document marks = tally.get(VoteProjection.COUNTING, Document.class);
        return marks == null ? new Document() : marks;
    }

    /** A read store that fails the n-th write, as if the process had died before sending it. */
    private static final class CrashingBackend extends MemoryBackend {

        private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete");
        private final java.util.concurrent.atomic.AtomicInteger countdown = new java.util.concurrent.atomic.AtomicInteger();

        void failWrite(int nth) {
            countdown.set(nth);
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(Channel channel, String database, String command,
                                                              de.bwaldvogel.mongo.bson.Document query) {
            if (WRITES.contains(command) && countdown.get() > 0 && countdown.decrementAndGet() == 0) {
                throw new MongoServerException("the process died before this write");
            }
            return super.handleCommand(channel, database, command, query);
        }
    }
}
