package org.civicledger.query.municipality;

import java.util.Set;
import org.bson.Document;
import org.civicledger.domain.municipality.MunicipalityRegistered;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Listing;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps {@code municipalities}, and the list of them ({@code municipalityIndex}). */
@Component
@Order(5)
public class MunicipalityProjection implements Projection {

    public static final ReadCollection MUNICIPALITIES = ReadCollection.of("municipalities", Rank.VIEW);
    public static final ReadCollection INDEX = ReadCollection.of("municipalityIndex", Rank.VIEW);
    static final String ALL = "all";

    @Override
    public Set<Class<?>> handles() {
        return Set.of(MunicipalityRegistered.class);
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        MunicipalityRegistered event = (MunicipalityRegistered) fact.payload();
        if (documents.find(MUNICIPALITIES, event.municipalityId()) == null) {
            documents.findOrMake(MUNICIPALITIES, event.municipalityId()).append("version", fact.sequence())
                    .append("name", event.name());
        }
        Listing.put(documents, INDEX, ALL, event.municipalityId(), event.name());
    }

    /** The name of a municipality, for projections that file things under it (null if not registered). */
    public static String name(Documents documents, String municipalityId) {
        Document municipality = documents.find(MUNICIPALITIES, municipalityId);
        return municipality == null ? null : municipality.getString("name");
    }
}
