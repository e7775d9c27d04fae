package org.civicledger.domain.shared;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Reads every event of the streams whose names start with a prefix, in the order the store recorded
 * them. Streams that belong together are named so: the ballots of one idea are {@code ballot-<ideaId>-<voter>},
 * one stream per voter so that no vote waits for another, and only their common prefix finds them all.
 * A port answered by the event store itself (each engine), so an audit sees what was recorded, never what
 * a projection kept of it.
 */
@FunctionalInterface
public interface StreamsByPrefix {

    /** Every event of every stream named {@code prefix…}, upcast, in the order recorded; the caller closes it. */
    Stream<? extends DomainEventMessage<?>> readStreamsStartingWith(String prefix);
}
