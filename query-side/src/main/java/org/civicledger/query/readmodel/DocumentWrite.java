package org.civicledger.query.readmodel;

import org.bson.Document;

/**
 * One document written by the pass: the whole document (it replaces what is stored), or a removal when
 * {@code document} is null. {@code expectedRevision} is the revision the pass read it at (-1: it did not exist),
 * so that a pass that lost its claim on a segment to another instance cannot overwrite that instance's writes:
 * the write is refused and the pass starts again from what is stored.
 */
public record DocumentWrite(String id, long expectedRevision, Document document) {
}
