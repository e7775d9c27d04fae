package org.civicledger.query.bench;

import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.civicledger.domain.bench.BenchCameBack;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchDecommissioned;
import org.civicledger.domain.bench.BenchKeyRotated;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.bench.BenchStatus;
import org.civicledger.domain.bench.BenchWentSilent;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Listing;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code benches}: where each bench stands, its status and key version; and the list of each
 * municipality's benches, and of all ({@code benchIndex}), with their status. What the benches report is counted
 * by day with the rest of a municipality's figures ({@code MunicipalDays}).
 */
@Component
@Order(3)
public class BenchProjection implements Projection {

    public static final ReadCollection BENCHES = ReadCollection.of("benches", Rank.VIEW);
    public static final ReadCollection INDEX = ReadCollection.of("benchIndex", Rank.VIEW);
    /** The list of every municipality's benches. */
    public static final String ALL = "*";

    @Override
    public Set<Class<?>> handles() {
        return Set.of(BenchRegistered.class, BenchKeyRotated.class, BenchCommissioned.class, BenchDecommissioned.class,
                BenchWentSilent.class, BenchCameBack.class);
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        Object event = fact.payload();
        Document bench;
        if (event instanceof BenchRegistered registered) {
            if (documents.find(BENCHES, registered.benchId()) != null) {
                return;
            }
            bench = documents.findOrMake(BENCHES, registered.benchId()).append("municipalityId", registered.municipalityId())
                    .append("lat", registered.lat()).append("lon", registered.lon()).append("status", BenchStatus.REGISTERED.name())
                    .append("keyVersion", 1).append("registeredAt", Date.from(fact.at()));
        } else {
            bench = documents.find(BENCHES, org.civicledger.query.readmodel.FactKeys.keyOf(fact.payload()));
            if (bench == null || bench.get("version", Number.class).longValue() >= fact.sequence()) {
                return;
            }
            if (event instanceof BenchKeyRotated rotated) {
                bench.put("keyVersion", rotated.keyVersion());
            } else if (event instanceof BenchCommissioned) {
                bench.put("status", BenchStatus.COMMISSIONED.name());
            } else if (event instanceof BenchDecommissioned) {
                bench.put("status", BenchStatus.DECOMMISSIONED.name());
            } else if (event instanceof BenchWentSilent silent) {
                bench.put("silentSince", Date.from(silent.lastHeardAt()));
            } else if (event instanceof BenchCameBack) {
                bench.remove("silentSince");
            }
        }
        bench.put("version", fact.sequence());
        documents.changed(BENCHES, bench);
        String municipality = bench.getString("municipalityId");
        Listing.put(documents, INDEX, municipality, bench.getString("_id"), bench.getString("status"));
        Listing.put(documents, INDEX, ALL, bench.getString("_id"), bench.getString("status"));
    }

    /** The municipality a bench stands in (null if not registered): for projections that count its reports. */
    public static String municipalityOf(Documents documents, String benchId) {
        Document bench = documents.find(BENCHES, benchId);
        return bench == null ? null : bench.getString("municipalityId");
    }
}
