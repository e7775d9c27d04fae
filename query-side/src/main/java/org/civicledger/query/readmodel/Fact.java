package org.civicledger.query.readmodel;

import java.time.Instant;

/**
 * One stored event as the read models see it: what happened ({@code payload}, deserialized once for all of
 * them), in which stream and at which place there ({@code aggregateId}, {@code sequence}), and when. The place
 * in the stream is the version a document keeps to apply each event once; {@code position}, the event's place
 * in the whole store, only tells how far the pass has come — positions commit out of order, so no document
 * ever compares them.
 */
public record Fact(Object payload, String aggregateId, long sequence, Instant at, long position) {
}
