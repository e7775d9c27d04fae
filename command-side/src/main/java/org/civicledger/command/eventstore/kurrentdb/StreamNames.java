package org.civicledger.command.eventstore.kurrentdb;

/**
 * How aggregates map to KurrentDB streams. Axon 4 finds an aggregate by its identifier alone, so the
 * stream is named from it: {@code <prefix><aggregateIdentifier>} (an idea: {@code civic-idea-<uuid>}).
 * Snapshots live apart, in {@code snapshots-<prefix><aggregateIdentifier>}, a name the tracking filter
 * (streams starting with the prefix) leaves out. One prefix per deployment lets several share a cluster.
 */
record StreamNames(String prefix) {

    StreamNames {
        if (prefix == null || prefix.isBlank() || prefix.startsWith("$") || prefix.startsWith("snapshots-")) {
            throw new IllegalArgumentException("civic.kurrentdb.stream-prefix must be non-blank and start neither with $ "
                    + "nor with snapshots-: " + prefix);
        }
    }

    String events(String aggregateIdentifier) {
        return prefix + aggregateIdentifier;
    }

    String snapshots(String aggregateIdentifier) {
        return "snapshots-" + prefix + aggregateIdentifier;
    }

    boolean holdsEvents(String stream) {
        return stream.startsWith(prefix);
    }
}
