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
import org.civicledger.domain.bench.BenchCameBack;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchDecommissioned;
import org.civicledger.domain.bench.BenchKeyRotated;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.bench.BenchStatus;
import org.civicledger.domain.bench.BenchStatusReported;
import org.civicledger.domain.bench.BenchTelemetryRecorded;
import org.civicledger.domain.bench.BenchWentSilent;
import org.civicledger.query.readstore.BatchedWrites;
import org.civicledger.query.readstore.Page;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/** Keeps the {@code benches} collection: where each bench stands, its status and current key version. */
@Component
@ProcessingGroup("benches")
public class BenchProjection {

    /**
     * A bench as the public sees it: public furniture, in a public place. {@code silentSince} is when it
     * was last heard, while it is recorded as silent; null while it speaks.
     */
    public record BenchView(String benchId, String municipalityId, double lat, double lon, String status, int keyVersion,
                            Instant registeredAt, Instant silentSince) {
    }

    /** How a bench has been doing: from its telemetry and status reports in a period. */
    public record BenchUse(String benchId, Instant lastSeen, String lastState, Double batteryPercent, long reports,
                           long wifiClients, long chargingSessions) {
    }

    private final MongoCollection<Document> benches;
    private final MongoCollection<Document> reports;

    public BenchProjection(MongoDatabase readStore) {
        this.benches = readStore.getCollection("benches");
        this.reports = readStore.getCollection("benchReports");
        prepare();
    }

    @ResetHandler
    void reset() {
        benches.drop();
        reports.drop();
        prepare();
    }

    private void prepare() {
        reports.createIndex(com.mongodb.client.model.Indexes.ascending("benchId", "sentAt"));
    }

    /** One document per report, keyed by its message id: a replay or redelivery cannot count it twice. */
    @EventHandler
    void on(BenchTelemetryRecorded event) {
        BatchedWrites.write(reports, new com.mongodb.client.model.UpdateOneModel<>(eq("_id", event.messageId()), Updates.combine(
                Updates.setOnInsert("benchId", event.benchId()), Updates.setOnInsert("sentAt", Date.from(event.sentAt())),
                Updates.setOnInsert("kind", "TELEMETRY"), Updates.setOnInsert("batteryPercent", event.batteryPercent()),
                Updates.setOnInsert("wifiClients", event.wifiClients()),
                Updates.setOnInsert("chargingSessions", event.chargingSessions())),
                new com.mongodb.client.model.UpdateOptions().upsert(true)));
    }

    @EventHandler
    void on(BenchStatusReported event) {
        BatchedWrites.write(reports, new com.mongodb.client.model.UpdateOneModel<>(eq("_id", event.messageId()), Updates.combine(
                Updates.setOnInsert("benchId", event.benchId()), Updates.setOnInsert("sentAt", Date.from(event.sentAt())),
                Updates.setOnInsert("kind", "STATUS"), Updates.setOnInsert("state", event.state())),
                new com.mongodb.client.model.UpdateOptions().upsert(true)));
    }

    /** The use of one bench from its reports sent in {@code [from, to)} (either end open when null). */
    public BenchUse use(String benchId, Instant from, Instant to) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>(List.of(eq("benchId", benchId)));
        if (from != null) {
            filters.add(com.mongodb.client.model.Filters.gte("sentAt", Date.from(from)));
        }
        if (to != null) {
            filters.add(com.mongodb.client.model.Filters.lt("sentAt", Date.from(to)));
        }
        Instant lastSeen = null;
        String lastState = null;
        Double battery = null;
        long count = 0;
        long wifi = 0;
        long charging = 0;
        Instant lastStateAt = null;
        Instant lastBatteryAt = null;
        for (Document report : reports.find(com.mongodb.client.model.Filters.and(filters))) {
            Instant sentAt = report.getDate("sentAt").toInstant();
            count++;
            lastSeen = lastSeen == null || sentAt.isAfter(lastSeen) ? sentAt : lastSeen;
            if ("STATUS".equals(report.getString("kind"))) {
                if (lastStateAt == null || sentAt.isAfter(lastStateAt)) {
                    lastStateAt = sentAt;
                    lastState = report.getString("state");
                }
            } else {
                wifi += report.getInteger("wifiClients", 0);
                charging += report.getInteger("chargingSessions", 0);
                if (lastBatteryAt == null || sentAt.isAfter(lastBatteryAt)) {
                    lastBatteryAt = sentAt;
                    battery = report.getDouble("batteryPercent");
                }
            }
        }
        return new BenchUse(benchId, lastSeen, lastState, battery, count, wifi, charging);
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

    @EventHandler
    void on(BenchWentSilent event, @SequenceNumber long sequence) {
        Versioned.apply(benches, event.benchId(), sequence, Updates.set("silentSince", Date.from(event.lastHeardAt())));
    }

    @EventHandler
    void on(BenchCameBack event, @SequenceNumber long sequence) {
        Versioned.apply(benches, event.benchId(), sequence, Updates.unset("silentSince"));
    }

    public List<BenchView> all(String municipalityId, Page page) {
        List<BenchView> all = new ArrayList<>();
        (municipalityId == null ? benches.find() : benches.find(eq("municipalityId", municipalityId)))
                .sort(Sorts.ascending("_id")).skip(page.offset()).limit(page.fetch()).forEach(d -> all.add(view(d)));
        return all;
    }

    public Optional<BenchView> find(String benchId) {
        return Optional.ofNullable(benches.find(eq("_id", benchId)).first()).map(BenchProjection::view);
    }

    private static BenchView view(Document d) {
        return new BenchView(d.getString("_id"), d.getString("municipalityId"), d.getDouble("lat"), d.getDouble("lon"),
                d.getString("status"), d.getInteger("keyVersion"), d.getDate("registeredAt").toInstant(),
                d.getDate("silentSince") == null ? null : d.getDate("silentSince").toInstant());
    }
}
