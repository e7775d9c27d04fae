package org.civicledger.bench.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchKeyRotated;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.domain.bench.BenchStatus;
import org.civicledger.domain.bench.BenchStatusReported;
import org.junit.jupiter.api.Test;

/** A bench's standing is read once, and read again as soon as the bench's own stream moves on. */
class KnownBenchesTest {

    private static final BenchId BENCH = new BenchId("bench-mostar-1");
    private final AtomicInteger reads = new AtomicInteger();
    private final KnownBenches benches = new KnownBenches(id -> {
        reads.incrementAndGet();
        return Optional.of(new BenchStanding("mostar", BenchStatus.COMMISSIONED, "key-" + reads.get(), 1, List.of()));
    });

    /** Handed to the bench view as its processor hands it events: through Axon's annotated handlers. */
    private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(benches);

    private void stored(String type, long sequence, Object event) {
        stored(new GenericDomainEventMessage<>(type, BENCH.toString(), sequence, event));
    }

    private void stored(GenericDomainEventMessage<?> message) {
        try {
            handlers.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBenchNotYetSeenInTheStreamIsReadEveryTime() {
        benches.standingOf(BENCH);
        benches.standingOf(BENCH);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aStandingIsKeptUntilTheBenchsStreamMovesOn() {
        stored("Bench", 1, new BenchCommissioned(BENCH.value(), "admin"));
        benches.standingOf(BENCH);
        benches.standingOf(BENCH);
        assertThat(reads).hasValue(1);

        stored("Bench", 2, new BenchKeyRotated(BENCH.value(), "new-key", 2,
                org.civicledger.domain.shared.SealedText.plain("replaced"), "admin"));
        assertThat(benches.standingOf(BENCH).orElseThrow().publicKey()).isEqualTo("key-2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void eventsOfOtherStreamsLeaveTheStandingAlone() {
        stored("Bench", 1, new BenchCommissioned(BENCH.value(), "admin"));
        benches.standingOf(BENCH);
        BenchStatusReported report = new BenchStatusReported("m-1", BENCH.value(), java.time.Instant.EPOCH, "ONLINE");
        GenericDomainEventMessage<?> ofAReport = new GenericDomainEventMessage<>("BenchReport", "bench-report-m-1", 0, report);
        stored(ofAReport);

        assertThat(handlers.canHandle(ofAReport)).as("passed by without a handler call").isFalse();

        benches.standingOf(BENCH);
        assertThat(reads).hasValue(1);
    }
}
