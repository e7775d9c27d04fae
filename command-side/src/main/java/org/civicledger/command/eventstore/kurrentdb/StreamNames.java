package org.civicledger.command.eventstore.kurrentdb;

/**
 * How aggregates map to KurrentDB streams. Axon 4 finds an aggregate by its identifier alone, so the
 * stream is named from it: {@code <prefix><aggregateIdentifier>} (an idea: {@code civic-idea-<uuid>}).
 * Snapshots live apart, in {@code snapshots-<prefix><aggregateIdentifier>}, a name the tracking filter
 * (streams starting with the prefix) leaves out. One prefix per deployment lets several share a cluster, as
 * long as no prefix starts another ({@code civic-} and {@code civic-b-} would overlap).
 */
record StreamNames(String prefix) {

    private static final String SNAPSHOTS = "snapshots-";

    StreamNames {
        if (prefix == null || prefix.isBlank() || prefix.startsWith("$") || prefix.startsWith(SNAPSHOTS)
                || SNAPSHOTS.startsWith(prefix)) {
            throw new IllegalArgumentException("civic.kurrentdb.stream-prefix must be non-blank, must not start with $, "
                    + "and must not overlap " + SNAPSHOTS + " (the tracking filter would let snapshots through): " + prefix);
        }
    }

    String events(String aggregateIdentifier) {
        return prefix + aggregateIdentifier;
    }

    String snapshots(String aggregateIdentifier) {
        return SNAPSHOTS + prefix + aggregateIdentifier;
    }

    boolean holdsEvents(String stream) {
        return stream.startsWith(prefix);
    }
}
