package org.civicledger.query.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.civicledger.query.readmodel.Listing;
import org.civicledger.query.readmodel.ReadStore;
import org.civicledger.query.readstore.Page;
import org.springframework.stereotype.Component;

/** Reads the benches {@link BenchProjection} keeps. */
@Component
public class BenchReader {

    private final ReadStore store;

    public BenchReader(ReadStore store) {
        this.store = store;
    }

    /** A municipality's benches (every bench when null), by id, with their status now. */
    public Map<String, String> statuses(String municipalityId) {
        Map<String, String> statuses = new TreeMap<>();
        Listing.read(store, BenchProjection.INDEX, municipalityId == null ? BenchProjection.ALL : municipalityId)
                .forEach((id, status) -> statuses.put(id, (String) status));
        return statuses;
    }

    /** One page of a municipality's benches (every bench when null), by id. */
    public List<BenchView> list(String municipalityId, Page page) {
        List<String> ids = page.of(new ArrayList<>(statuses(municipalityId).keySet()));
        return store.inOrder(BenchProjection.BENCHES, ids).stream().map(BenchReader::view).toList();
    }

    public Optional<BenchView> find(String benchId) {
        return Optional.ofNullable(store.find(BenchProjection.BENCHES, benchId)).map(BenchReader::view);
    }

    private static BenchView view(Document d) {
        return new BenchView(d.getString("_id"), d.getString("municipalityId"), d.getDouble("lat"), d.getDouble("lon"),
                d.getString("status"), d.getInteger("keyVersion"), d.getDate("registeredAt").toInstant(),
                d.getDate("silentSince") == null ? null : d.getDate("silentSince").toInstant());
    }
}
