package org.civicledger.query.dashboard;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.bson.Document;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.query.dashboard.MunicipalDashboard.FindMunicipalDashboard;
import org.civicledger.query.dashboard.MunicipalDashboard.IdeaCounts;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.municipality.MunicipalityQueries.FindMunicipality;
import org.civicledger.query.municipality.MunicipalityView;
import org.springframework.stereotype.Component;

/**
 * Computes the municipal dashboard from the idea read model at query time. Counting from the ideas
 * themselves, rather than keeping counters, makes the dashboard idempotent by construction: it
 * cannot double-count whatever the projections replay.
 */
@Component
class MunicipalDashboardQuery {

    private final MongoCollection<Document> ideas;
    private final QueryGateway queries;

    MunicipalDashboardQuery(MongoDatabase readStore, QueryGateway queries) {
        this.ideas = readStore.getCollection(IdeaProjection.COLLECTION);
        this.queries = queries;
    }

    @QueryHandler
    Optional<MunicipalDashboard> handle(FindMunicipalDashboard query) {
        Optional<MunicipalityView> municipality = queries.query(new FindMunicipality(query.municipalityId()),
                ResponseTypes.optionalInstanceOf(MunicipalityView.class)).join();
        return municipality.map(m -> {
            Map<String, Long> byStatus = countBy(m.municipalityId(), "status",
                    Arrays.stream(IdeaStatus.values()).map(Enum::name).toList());
            Map<String, Long> byChannel = countBy(m.municipalityId(), "channel",
                    Arrays.stream(Channel.values()).map(Enum::name).toList());
            Map<String, Long> byTopic = countBy(m.municipalityId(), "topic", List.of());
            long total = byChannel.values().stream().mapToLong(Long::longValue).sum();
            return new MunicipalDashboard(m.municipalityId(), m.name(),
                    new IdeaCounts(total, byStatus, byTopic, byChannel));
        });
    }

    private Map<String, Long> countBy(String municipalityId, String field, List<String> alwaysShown) {
        Map<String, Long> counts = new TreeMap<>();
        alwaysShown.forEach(key -> counts.put(key, 0L));
        ideas.aggregate(List.of(match(eq("municipalityId", municipalityId)), group("$" + field, sum("count", 1))))
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("count")).longValue()));
        return counts;
    }
}
