package org.civicledger.query.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The read store as the read models use it: documents found by {@code _id}, written whole and conditionally,
 * never queried by any other field. Two adapters: MongoDB through its Java driver ({@link MongoDocuments}), and
 * the embedded read store of the default run, reached in-process.
 */
public interface DocumentStore {

    /** The field every document carries: how many times it has been written. */
    String REVISION = "_rev";

    /** The documents of {@code collection} with these ids (absent ones left out). */
    Map<String, Document> find(String collection, Collection<String> ids);

    /** The document with this id, or null. */
    default Document find(String collection, String id) {
        return find(collection, List.of(id)).get(id);
    }

    /**
     * Writes in order; each one only if the stored revision is the one expected. Throws {@link StaleWrite} at the
     * first that is not (the ones before it are made).
     */
    void write(String collection, List<DocumentWrite> writes);

    /** Every document of the collection, in no particular order: for whole-collection work (a rebuild's end, an export). */
    void forEach(String collection, Consumer<Document> each);

    void drop(String collection);

    /** The names of the collections there are. */
    List<String> collections();

    /** A write refused because the stored document is not at the revision the writer read. */
    final class StaleWrite extends RuntimeException {
        public StaleWrite(String collection, String id, long expected) {
            super("The document " + collection + "/" + id + " is no longer at revision " + expected
                    + ": another pass wrote it (this one lost its segment)");
        }
    }
}
