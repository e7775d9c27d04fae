package org.civicledger.query.readmodel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the one pass over the events runs ({@code civic.read-models.*}).
 *
 * @param segments          how many parts the pass is split into, each taking its events in order (by
 *                          {@link FactKeys}); fixed for a generation: a change builds a new one. Default 1.
 * @param batchSize         events taken in one unit of work. Default 1024.
 * @param documentsAtHand   documents kept in memory once written, so that the next events need no read. Default 20,000.
 * @param writeEvery        while the pass keeps up: changes wait at most this long to be written. Default 50 ms.
 * @param writeEveryBuilding while the pass builds a generation from the first event. Default 5 s: a document many
 *                          events change is encoded and stored once for all of them (2 s re-encoded the busiest
 *                          days more often; 20 s held so many changes that the heap, and the store's chunk, grew
 *                          out of a 700 MiB heap at a million events).
 * @param mostChanges       changed documents that wait before they are written whatever the time. Default 30,000.
 */
@ConfigurationProperties("civic.read-models")
public record ReadModelSettings(Integer segments, Integer batchSize, Integer documentsAtHand, Duration writeEvery,
                                Duration writeEveryBuilding, Integer mostChanges) {

    public ReadModelSettings {
        segments = segments == null ? 1 : segments;
        batchSize = batchSize == null ? 1024 : batchSize;
        documentsAtHand = documentsAtHand == null ? 20_000 : documentsAtHand;
        writeEvery = writeEvery == null ? Duration.ofMillis(50) : writeEvery;
        writeEveryBuilding = writeEveryBuilding == null ? Duration.ofSeconds(5) : writeEveryBuilding;
        mostChanges = mostChanges == null ? 30_000 : mostChanges;
        if (segments < 1 || Integer.bitCount(segments) != 1) {
            throw new IllegalArgumentException("civic.read-models.segments must be a power of two, at least 1: " + segments);
        }
        if (batchSize < 1 || documentsAtHand < 0 || mostChanges < 1) {
            throw new IllegalArgumentException("civic.read-models.batch-size and most-changes must be positive, "
                    + "documents-at-hand not negative");
        }
    }

    OnePass.Cadence cadence() {
        return new OnePass.Cadence(writeEvery.toNanos(), writeEveryBuilding.toNanos(), mostChanges);
    }
}
