package org.civicledger.query.readmodel;

/**
 * When a collection's changes are written, relative to the others'. The read store has no transaction over
 * several documents, so a pass cut short between two writes must leave documents that handling the same events
 * again repairs. Each document applies an event only if it has not seen it (by the version it keeps), so the one
 * rule left is about documents computed from others: they are written first. If the pass stops after them, the
 * documents they were computed from are still behind, take the events again, and the computation is made again
 * from them; the other way round, the sources would be ahead and nothing would ever recompute what follows from
 * them.
 */
public enum Rank {
    /** Computed only from other documents (a month's figures from its days); written first. */
    DERIVED,
    /** What reads show, computed from events and from the per-act records below (an idea's count of its ballots). */
    VIEW,
    /** Per-act records that say what is counted (each ballot's version); written last. */
    RECORD
}
