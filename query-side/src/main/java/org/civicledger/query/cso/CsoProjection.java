package org.civicledger.query.cso;

import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.civicledger.domain.cso.CsoApproved;
import org.civicledger.domain.cso.CsoRegistered;
import org.civicledger.domain.cso.CsoReinstated;
import org.civicledger.domain.cso.CsoRejected;
import org.civicledger.domain.cso.CsoStatus;
import org.civicledger.domain.cso.CsoSuspended;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Listing;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps {@code csos}: the network's members and applicants, with their standing; and the list of them by name. */
@Component
@Order(6)
public class CsoProjection implements Projection {

    public static final ReadCollection CSOS = ReadCollection.of("csos", Rank.VIEW);
    public static final ReadCollection INDEX = ReadCollection.of("csoIndex", Rank.VIEW);
    static final String ALL = "all";

    @Override
    public Set<Class<?>> handles() {
        return Set.of(CsoRegistered.class, CsoApproved.class, CsoRejected.class, CsoSuspended.class, CsoReinstated.class);
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        Object event = fact.payload();
        if (event instanceof CsoRegistered registered) {
            if (documents.find(CSOS, registered.csoId()) == null) {
                documents.findOrMake(CSOS, registered.csoId()).append("version", fact.sequence())
                        .append("name", registered.name())
                        .append("registrationNumber", registered.registrationNumber())
                        .append("municipalityIds", registered.municipalityIds())
                        .append("focusAreas", registered.focusAreas())
                        .append("contactEmail", SealedDocuments.of(registered.contactEmail()))
                        .append("status", CsoStatus.PENDING.name())
                        .append("registeredAt", Date.from(fact.at()));
            }
            Listing.put(documents, INDEX, ALL, registered.csoId(), registered.name());
            return;
        }
        Document cso = documents.find(CSOS, org.civicledger.query.readmodel.FactKeys.keyOf(fact.payload()));
        if (cso == null || cso.get("version", Number.class).longValue() >= fact.sequence()) {
            return;
        }
        if (event instanceof CsoApproved) {
            standing(cso, CsoStatus.APPROVED, null);
        } else if (event instanceof CsoRejected rejected) {
            standing(cso, CsoStatus.REJECTED, rejected.reason());
        } else if (event instanceof CsoSuspended suspended) {
            standing(cso, CsoStatus.SUSPENDED, suspended.reason());
        } else if (event instanceof CsoReinstated reinstated) {
            standing(cso, CsoStatus.APPROVED, reinstated.reason());
        }
        cso.put("version", fact.sequence());
        documents.changed(CSOS, cso);
    }

    private static void standing(Document cso, CsoStatus status, SealedText reason) {
        cso.put("status", status.name());
        cso.put("statusReason", SealedDocuments.of(reason));
    }
}
