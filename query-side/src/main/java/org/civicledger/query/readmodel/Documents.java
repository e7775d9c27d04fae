package org.civicledger.query.readmodel;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The documents of the read store as a projection sees them while the pass applies events: found by
 * {@code _id}, changed in memory, and written later with the rest of the pass's changes ({@link Rank} says in
 * which order). A projection never talks to the read store itself.
 */
public interface Documents {

    /** The document with this id, or null if there is none. */
    Document find(ReadCollection collection, String id);

    /** The document with this id, made with nothing but its {@code _id} if there is none. */
    Document findOrMake(ReadCollection collection, String id);

    /** Records that {@code document}, found here, was changed: it is written with the pass's next changes. */
    void changed(ReadCollection collection, Document document);

    /** Removes the document with this id (nothing if there is none). */
    void remove(ReadCollection collection, String id);

    /**
     * The id of this pass's share of a document that events of every segment contribute to (a municipality's
     * day, say): {@code id} with the segment appended. Each segment writes only its own share; a reader adds the
     * shares ({@link ReadStore#shares}).
     */
    String share(String id);

    /**
     * Whether the pass is building its read models from the first event. Figures computed from other documents
     * are then computed once, when it has caught up ({@link Projection#derive}), not at every write.
     */
    boolean building();

    /** State a projection keeps beside the documents of this pass, made by {@code make} the first time. */
    <T> T local(String name, Supplier<T> make);

    /**
     * Every document of the collection as stored and as changed here, to read: for computing derived figures
     * afresh. A document handed here is changed through {@link #find} and {@link #changed}, never directly.
     */
    void forEach(ReadCollection collection, Consumer<Document> each);
}
