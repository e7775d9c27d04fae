package org.civicledger.query.readmodel;

/**
 * One generation of the read models: a complete set of collections built by one pass over the events, from the
 * first. A rebuild builds the next generation beside the current one, which keeps answering; readers move to
 * the new one when it has caught up, and the old one is dropped. {@code segments}: how many parts the pass is
 * split into (fixed for a generation: the documents several segments contribute to are kept in that many
 * shares); {@code layout}: the shape of the documents, so that a release that changes it builds a new generation.
 */
public record Generation(int number, int segments, int layout) {

    /** The name of the collection in the read store: the generation's number before the collection's name. */
    public String collection(ReadCollection collection) {
        return collection(collection.name());
    }

    public String collection(String name) {
        return "g" + number + "_" + name;
    }

    /** The name of the pass (the event processor) that builds and keeps this generation. */
    public String processor() {
        return "read-models-g" + number;
    }

    /** Whether {@code collection} (a name in the read store) belongs to this generation. */
    public boolean owns(String collection) {
        return collection.startsWith("g" + number + "_");
    }
}
