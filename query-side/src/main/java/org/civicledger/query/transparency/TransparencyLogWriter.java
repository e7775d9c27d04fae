package org.civicledger.query.transparency;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The log's single writer: a tracking processor with one segment whose position in the event stream is
 * kept in the event store's database ({@code token_entry}), so an event's entry and the processor's
 * step past it commit in one transaction — each event becomes exactly one entry, never two, and a
 * restart resumes where the log ends. It is never replayed: a read-model rebuild leaves it alone.
 */
@ProcessingGroup(TransparencyLogWriter.PROCESSING_GROUP)
@DisallowReplay
public class TransparencyLogWriter {

    public static final String PROCESSING_GROUP = "transparency-log";
    private static final String BATCH = TransparencyLogWriter.class.getName() + ".batch";

    private final TransparencyLog log;

    public TransparencyLogWriter(TransparencyLog log) {
        this.log = log;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        Batch batch = unit.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch(log.refresh());
            unit.onPrepareCommit(u -> log.store(started.entries));
            unit.afterCommit(u -> log.appended(started.entries));
            return started;
        });
        long index = batch.next + batch.entries.size();
        byte[] entry = PublicRecord.entry(index, event);
        batch.entries.add(new TransparencyLog.Entry(index, event.getIdentifier(), entry, MerkleTree.leafHash(entry)));
    }

    /** The entries of one batch of the processor, stored at its commit. */
    private static final class Batch {
        final long next;
        final List<TransparencyLog.Entry> entries = new ArrayList<>();

        Batch(long next) {
            this.next = next;
        }
    }
}
