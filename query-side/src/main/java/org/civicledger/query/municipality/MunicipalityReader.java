package org.civicledger.query.municipality;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.civicledger.query.readmodel.Listing;
import org.civicledger.query.readmodel.ReadStore;
import org.civicledger.query.readstore.Page;
import org.springframework.stereotype.Component;

/** Reads the municipalities {@link MunicipalityProjection} keeps. */
@Component
public class MunicipalityReader {

    private final ReadStore store;

    public MunicipalityReader(ReadStore store) {
        this.store = store;
    }

    /** Which municipalities are registered? By name, in Bosnian collation. */
    public List<MunicipalityView> list(Page page) {
        List<MunicipalityView> all = new ArrayList<>();
        Listing.read(store, MunicipalityProjection.INDEX, MunicipalityProjection.ALL)
                .forEach((id, name) -> all.add(new MunicipalityView(id, (String) name)));
        Collator bosnian = Collator.getInstance(Locale.forLanguageTag("bs"));
        all.sort((a, b) -> bosnian.compare(a.name(), b.name()));
        return page.of(all);
    }

    /** Which municipality has this slug? */
    public Optional<MunicipalityView> find(String municipalityId) {
        Document found = store.find(MunicipalityProjection.MUNICIPALITIES, municipalityId);
        return Optional.ofNullable(found).map(d -> new MunicipalityView(d.getString("_id"), d.getString("name")));
    }
}
