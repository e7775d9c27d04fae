package org.civicledger.bench.message;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.civicledger.bench.consultation.OpenConsultations;
import org.civicledger.domain.bench.Bench;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchStanding;

/**
 * The standing of each bench, read from the event store once and kept until the bench's stream moves
 * on: every event of a bench (registration, commissioning, a new key, decommissioning, silence)
 * raises its version here, and a standing read at an older version is read again. Saves two queries
 * per message. The bridge learns of a bench's new events from its own event stream, within
 * milliseconds in the instance that stored them and within about a second in others; until then a
 * message checked against the earlier standing (say, signed with a key just rotated out) is accepted.
 */
@ProcessingGroup(OpenConsultations.PROCESSING_GROUP)
public class KnownBenches {

    private static final String BENCH = Bench.class.getSimpleName();

    private record Known(long version, Optional<BenchStanding> standing) {
    }

    private final BenchRegistry store;
    /** The newest sequence number seen of each bench's stream, by stream name ({@code bench-<id>}). */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Known> standings = new ConcurrentHashMap<>();

    public KnownBenches(BenchRegistry store) {
        this.store = store;
    }

    /** As {@link BenchRegistry#standingOf}, from memory while the bench's stream has not moved on. */
    public Optional<BenchStanding> standingOf(BenchId benchId) {
        Long version = versions.get(benchId.toString());
        if (version == null) {
            return store.standingOf(benchId); // not seen in the stream yet: ask the store every time
        }
        Known known = standings.get(benchId.toString());
        if (known != null && known.version() == version) {
            return known.standing();
        }
        Optional<BenchStanding> standing = store.standingOf(benchId);
        standings.put(benchId.toString(), new Known(version, standing));
        return standing;
    }

    /**
     * Any event of a bench's own stream moves its version on, whatever the event is. Every event comes here,
     * judged by its stream only: the payload is never read (nor deserialized).
     */
    @EventHandler(payloadType = Object.class)
    void on(DomainEventMessage<?> message) {
        if (BENCH.equals(message.getType())) {
            versions.merge(message.getAggregateIdentifier(), message.getSequenceNumber(), Math::max);
        }
    }

    @ResetHandler
    void reset() {
        versions.clear();
        standings.clear();
    }
}
