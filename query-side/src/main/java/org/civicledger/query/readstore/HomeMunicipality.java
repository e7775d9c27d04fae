package org.civicledger.query.readstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The municipality an idea or a consultation belongs to, as its document in the read store says. It
 * never changes once known, so the most recent answers are remembered: a projection that files every
 * vote or answer under its municipality asks once per idea, not once per event.
 */
public class HomeMunicipality {

    private static final int REMEMBERED = 50_000;

    private final MongoCollection<Document> documents;
    private final Map<String, String> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Over the collection whose documents carry a {@code municipalityId} that never changes. */
    public HomeMunicipality(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    /** The municipality of document {@code id}, or null if it is not (yet) in the read store. */
    public synchronized String of(String id) {
        String municipality = known.get(id);
        if (municipality == null) {
            BatchedWrites.flush(documents);
            Document document = documents.find(eq("_id", id)).projection(Projections.include("municipalityId")).first();
            municipality = document == null ? null : document.getString("municipalityId");
            if (municipality != null) {
                known.put(id, municipality);
            }
        }
        return municipality;
    }

    /** Records what a projection has just written, so the first lookup needs no query. */
    public synchronized void remember(String id, String municipality) {
        if (municipality != null) {
            known.put(id, municipality);
        }
    }
}
