package org.civicledger.query.cso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.readmodel.Listing;
import org.civicledger.query.readmodel.ReadStore;
import org.civicledger.query.readstore.Page;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.stereotype.Component;

/** Reads the CSOs {@link CsoProjection} keeps. */
@Component
public class CsoReader {

    private final ReadStore store;
    private final TextVault texts;

    public CsoReader(ReadStore store, TextVault texts) {
        this.store = store;
        this.texts = texts;
    }

    /** Which CSOs are in the network? By name (then id), one page. */
    public List<CsoView> list(Page page) {
        List<Map.Entry<String, Object>> all = new ArrayList<>(Listing.read(store, CsoProjection.INDEX, CsoProjection.ALL).entrySet());
        all.sort(Map.Entry.<String, Object>comparingByValue((a, b) -> ((String) a).compareTo((String) b))
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> ids = page.of(all).stream().map(Map.Entry::getKey).toList();
        return store.inOrder(CsoProjection.CSOS, ids).stream().map(this::view).toList();
    }

    public Optional<CsoView> find(String csoId) {
        return Optional.ofNullable(store.find(CsoProjection.CSOS, csoId)).map(this::view);
    }

    private CsoView view(Document d) {
        Document email = d.get("contactEmail", Document.class);
        Document reason = d.get("statusReason", Document.class);
        SealedDocuments.Opened opened = SealedDocuments.open(texts, Arrays.asList(email, reason));
        return new CsoView(d.getString("_id"), d.getString("name"), d.getString("registrationNumber"),
                d.getList("municipalityIds", String.class), d.getList("focusAreas", String.class),
                opened.text(email), d.getString("status"), opened.text(reason),
                d.getDate("registeredAt").toInstant());
    }
}
