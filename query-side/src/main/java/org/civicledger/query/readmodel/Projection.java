package org.civicledger.query.readmodel;

import java.util.Set;

/**
 * One feature's share of the one pass over the events: the documents it owns, kept up to date from the facts
 * it handles. It applies each fact to the documents it concerns, idempotently by the versions those documents
 * keep of what they count — never by a position in the event stream — so a fact applied twice, or after a
 * restart in the middle of a batch, changes nothing the second time.
 */
public interface Projection {

    /** The kinds of event (payload types) this projection applies. */
    Set<Class<?>> handles();

    /** Applies one fact to the documents it concerns. */
    void apply(Fact fact, Documents documents);

    /**
     * Brings documents computed from other documents up to date before the pass writes its changes: what changed
     * since the last call, or everything when {@code everything} (a build from the first event has caught up).
     */
    default void derive(Documents documents, boolean everything) {
    }
}
