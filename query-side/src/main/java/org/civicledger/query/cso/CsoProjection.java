package org.civicledger.query.cso;

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
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.civicledger.domain.cso.CsoApproved;
import org.civicledger.domain.cso.CsoRegistered;
import org.civicledger.domain.cso.CsoReinstated;
import org.civicledger.domain.cso.CsoRejected;
import org.civicledger.domain.cso.CsoStatus;
import org.civicledger.domain.cso.CsoSuspended;
import org.civicledger.query.cso.CsoView.FindCso;
import org.civicledger.query.cso.CsoView.ListCsos;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.readstore.SealedDocuments;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/** Keeps the {@code csos} collection: the network's members and applicants, with their standing. */
@Component
@ProcessingGroup("csos")
public class CsoProjection {

    private final MongoCollection<Document> csos;
    private final TextVault texts;

    public CsoProjection(MongoDatabase readStore, TextVault texts) {
        this.texts = texts;
        this.csos = readStore.getCollection("csos");
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        csos.drop();
        prepare();
    }

    private void prepare() {
        // no index beyond _id
    }

    @EventHandler
    void on(CsoRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Versioned.create(csos, event.csoId(), sequence, new Document("name", event.name())
                .append("registrationNumber", event.registrationNumber())
                .append("municipalityIds", event.municipalityIds())
                .append("focusAreas", event.focusAreas())
                .append("contactEmail", SealedDocuments.of(event.contactEmail()))
                .append("status", CsoStatus.PENDING.name())
                .append("registeredAt", Date.from(at)));
    }

    @EventHandler
    void on(CsoApproved event, @SequenceNumber long sequence) {
        standing(event.csoId(), sequence, CsoStatus.APPROVED, null);
    }

    @EventHandler
    void on(CsoRejected event, @SequenceNumber long sequence) {
        standing(event.csoId(), sequence, CsoStatus.REJECTED, event.reason());
    }

    @EventHandler
    void on(CsoSuspended event, @SequenceNumber long sequence) {
        standing(event.csoId(), sequence, CsoStatus.SUSPENDED, event.reason());
    }

    @EventHandler
    void on(CsoReinstated event, @SequenceNumber long sequence) {
        standing(event.csoId(), sequence, CsoStatus.APPROVED, event.reason());
    }

    private void standing(String csoId, long sequence, CsoStatus status, SealedText reason) {
        Versioned.apply(csos, csoId, sequence, Updates.combine(Updates.set("status", status.name()),
                Updates.set("statusReason", SealedDocuments.of(reason))));
    }

    @QueryHandler
    List<CsoView> handle(ListCsos query) {
        List<CsoView> all = new ArrayList<>();
        csos.find().sort(Sorts.ascending("name", "_id")).skip(query.page().offset()).limit(query.page().fetch())
                .forEach(d -> all.add(view(d)));
        return all;
    }

    @QueryHandler
    Optional<CsoView> handle(FindCso query) {
        return Optional.ofNullable(csos.find(eq("_id", query.csoId())).first()).map(this::view);
    }

    private CsoView view(Document d) {
        Document email = d.get("contactEmail", Document.class);
        Document reason = d.get("statusReason", Document.class);
        SealedDocuments.Opened opened = SealedDocuments.open(texts, java.util.Arrays.asList(email, reason));
        return new CsoView(d.getString("_id"), d.getString("name"), d.getString("registrationNumber"),
                d.getList("municipalityIds", String.class), d.getList("focusAreas", String.class),
                opened.text(email), d.getString("status"), opened.text(reason),
                d.getDate("registeredAt").toInstant());
    }
}
