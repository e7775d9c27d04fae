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
import org.civicledger.domain.bench.BenchCameBack;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchDecommissioned;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchKeyRotated;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.domain.bench.BenchWentSilent;

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

    /*
     * Every event of a bench's own stream (the six kinds Bench applies) moves its
     * version on; the payload is never read. Events of other kinds are not handled here, so the processor passes
     * them by without a handler call (this group replays the whole history at every start).
     */
    @EventHandler(payloadType = BenchRegistered.class)
    void registered(DomainEventMessage<?> message) {
        moved(message);
    }

    @EventHandler(payloadType = BenchKeyRotated.class)
    void keyRotated(DomainEventMessage<?> message) {
        moved(message);
    }

    @EventHandler(payloadType = BenchCommissioned.class)
    void commissioned(DomainEventMessage<?> message) {
        moved(message);
    }

    @EventHandler(payloadType = BenchWentSilent.class)
    void wentSilent(DomainEventMessage<?> message) {
        moved(message);
    }

    @EventHandler(payloadType = BenchCameBack.class)
    void cameBack(DomainEventMessage<?> message) {
        moved(message);
    }

    @EventHandler(payloadType = BenchDecommissioned.class)
    void decommissioned(DomainEventMessage<?> message) {
        moved(message);
    }

    private void moved(DomainEventMessage<?> message) {
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
