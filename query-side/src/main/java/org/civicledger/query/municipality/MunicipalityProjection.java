package org.civicledger.query.municipality;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.civicledger.domain.municipality.MunicipalityRegistered;
import org.civicledger.query.municipality.MunicipalityQueries.FindMunicipality;
import org.civicledger.query.municipality.MunicipalityQueries.ListMunicipalities;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/** Keeps the {@code municipalities} collection. */
@Component
@ProcessingGroup(MunicipalityProjection.PROCESSING_GROUP)
public class MunicipalityProjection {

    public static final String PROCESSING_GROUP = "municipalities";

    private final MongoCollection<Document> municipalities;

    public MunicipalityProjection(MongoDatabase readStore) {
        this.municipalities = readStore.getCollection("municipalities");
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        municipalities.drop();
        prepare();
    }

    private void prepare() {
        // no index beyond _id
    }

    @EventHandler
    void on(MunicipalityRegistered event, @SequenceNumber long sequence) {
        Versioned.create(municipalities, event.municipalityId(), sequence, new Document("name", event.name()));
    }

    @QueryHandler
    List<MunicipalityView> handle(ListMunicipalities query) {
        List<MunicipalityView> all = new ArrayList<>();
        municipalities.find().forEach(d -> all.add(view(d)));
        Collator bosnian = Collator.getInstance(Locale.forLanguageTag("bs"));
        all.sort((a, b) -> bosnian.compare(a.name(), b.name()));
        return query.page().of(all);
    }

    @QueryHandler
    Optional<MunicipalityView> handle(FindMunicipality query) {
        return Optional.ofNullable(municipalities.find(eq("_id", query.municipalityId())).first()).map(this::view);
    }

    private MunicipalityView view(Document d) {
        return new MunicipalityView(d.getString("_id"), d.getString("name"));
    }
}
