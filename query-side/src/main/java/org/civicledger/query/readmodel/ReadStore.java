package org.civicledger.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What readers use: the documents of the current generation, by {@code _id}. Every read model's typed reader
 * goes through here, so none can read a half-built generation: while there is no current one (the first build
 * from the events has not caught up), every read answers 503 with {@code Retry-After}.
 */
@Component("currentReadModels")
public class ReadStore {

    private final DocumentStore store;
    private final java.util.function.Supplier<Generation> current;

    @org.springframework.beans.factory.annotation.Autowired
    ReadStore(DocumentStore store, ReadModels models) {
        this(store, models::current);
    }

    /** Over the generation {@code current} names (null: none yet). */
    public ReadStore(DocumentStore store, java.util.function.Supplier<Generation> current) {
        this.store = store;
        this.current = current;
    }

    /** The documents with these ids (absent ones left out). */
    public Map<String, Document> find(ReadCollection collection, Collection<String> ids) {
        return store.find(generation().collection(collection), ids);
    }

    /** The documents with these ids, in the order given; absent ones left out. */
    public List<Document> inOrder(ReadCollection collection, List<String> ids) {
        return inOrder(store.find(generation().collection(collection), ids), ids);
    }

    private static List<Document> inOrder(Map<String, Document> found, List<String> ids) {
        List<Document> ordered = new ArrayList<>(found.size());
        for (String id : ids) {
            Document document = found.get(id);
            if (document != null) {
                ordered.add(document);
            }
        }
        return ordered;
    }

    /** The document with this id, or null. */
    public Document find(ReadCollection collection, String id) {
        return store.find(generation().collection(collection), id);
    }

    /** Every segment's share of the document {@code id} ({@link Documents#share}), those there are. */
    public List<Document> shares(ReadCollection collection, String id) {
        Generation generation = generation();
        List<String> ids = new ArrayList<>(generation.segments());
        for (int segment = 0; segment < generation.segments(); segment++) {
            ids.add(id + "/s" + segment);
        }
        return inOrder(store.find(generation.collection(collection), ids), ids);
    }

    /** Every segment's share of each document in {@code ids}: one read. */
    public Map<String, Document> shares(ReadCollection collection, List<String> ids) {
        Generation generation = generation();
        List<String> all = new ArrayList<>(ids.size() * generation.segments());
        for (String id : ids) {
            for (int segment = 0; segment < generation.segments(); segment++) {
                all.add(id + "/s" + segment);
            }
        }
        return store.find(generation.collection(collection), all);
    }

    /** Every document of the collection, for whole-collection answers (an open-data export). */
    public void forEach(ReadCollection collection, Consumer<Document> each) {
        store.forEach(generation().collection(collection), each);
    }

    private Generation generation() {
        Generation generation = current.get();
        if (generation == null) {
            throw new NotReady();
        }
        return generation;
    }

    /** {@code 503}: the read models are being built from the events and there is nothing to answer from yet. */
    public static final class NotReady extends ErrorResponseException {
        public NotReady() {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
            getHeaders().set("Retry-After", "5");
        }

        private static ProblemDetail problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The read models are being built from the events; nothing to answer from yet. Retry shortly "
                            + "(GET /actuator/health/readiness says when they are ready).");
            problem.setType(java.net.URI.create("urn:civic-ledger:problem:service-unavailable"));
            return problem;
        }
    }
}
