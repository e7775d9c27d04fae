package org.civicledger.query.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * A list a read needs in one document: the municipalities, a municipality's benches, the CSOs — entries under
 * {@code c}, by key. Entries of any key can come from any segment of the pass, so each segment keeps its own
 * share of the list and a reader puts the shares together.
 */
public final class Listing {

    private Listing() {
    }

    /** Sets entry {@code key} of this segment's share of list {@code id}. */
    public static void put(Documents documents, ReadCollection collection, String id, String key, Object value) {
        Document list = documents.findOrMake(collection, documents.share(id));
        Document entries = list.get("c", Document.class);
        if (entries == null) {
            entries = new Document();
            list.put("c", entries);
        }
        if (!value.equals(entries.get(key))) {
            entries.put(key, value);
            documents.changed(collection, list);
        }
    }

    /** Every segment's entries of list {@code id}, together. */
    public static Map<String, Object> read(ReadStore store, ReadCollection collection, String id) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Document share : store.shares(collection, id)) {
            Document part = share.get("c", Document.class);
            if (part != null) {
                entries.putAll(part);
            }
        }
        return entries;
    }
}
