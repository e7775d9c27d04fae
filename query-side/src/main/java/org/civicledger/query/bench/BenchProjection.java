package org.civicledger.query.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchDecommissioned;
import org.civicledger.domain.bench.BenchKeyRotated;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.bench.BenchStatus;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/** Keeps the {@code benches} collection: where each bench stands, its status and current key version. */
@Component
@ProcessingGroup("benches")
public class BenchProjection {

    /** A bench as the public sees it: public furniture, in a public place. */
    public record BenchView(String benchId, String municipalityId, double lat, double lon, String status, int keyVersion,
                            Instant registeredAt) {
    }

    private final MongoCollection<Document> benches;

    public BenchProjection(MongoDatabase readStore) {
        this.benches = readStore.getCollection("benches");
    }

    @ResetHandler
    void reset() {
        benches.drop();
    }

    @EventHandler
    void on(BenchRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.create(benches, event.benchId(), sequence, new Document("municipalityId", event.municipalityId())
                .append("lat", event.lat()).append("lon", event.lon()).append("status", BenchStatus.REGISTERED.name())
                .append("keyVersion", 1).append("registeredAt", Date.from(at)));
    }

    @EventHandler
    void on(BenchKeyRotated event, @SequenceNumber long sequence) {
        Versioned.apply(benches, event.benchId(), sequence, Updates.set("keyVersion", event.keyVersion()));
    }

    @EventHandler
    void on(BenchCommissioned event, @SequenceNumber long sequence) {
        Versioned.apply(benches, event.benchId(), sequence, Updates.set("status", BenchStatus.COMMISSIONED.name()));
    }

    @EventHandler
    void on(BenchDecommissioned event, @SequenceNumber long sequence) {
        Versioned.apply(benches, event.benchId(), sequence, Updates.set("status", BenchStatus.DECOMMISSIONED.name()));
    }

    public List<BenchView> all(String municipalityId) {
        List<BenchView> all = new ArrayList<>();
        (municipalityId == null ? benches.find() : benches.find(eq("municipalityId", municipalityId)))
                .sort(Sorts.ascending("_id")).forEach(d -> all.add(view(d)));
        return all;
    }

    public Optional<BenchView> find(String benchId) {
        return Optional.ofNullable(benches.find(eq("_id", benchId)).first()).map(BenchProjection::view);
    }

    private static BenchView view(Document d) {
        return new BenchView(d.getString("_id"), d.getString("municipalityId"), d.getDouble("lat"), d.getDouble("lon"),
                d.getString("status"), d.getInteger("keyVersion"), d.getDate("registeredAt").toInstant());
    }
}
