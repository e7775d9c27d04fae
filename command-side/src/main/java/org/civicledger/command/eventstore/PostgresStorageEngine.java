package org.civicledger.command.eventstore;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;
import static org.axonframework.common.jdbc.JdbcUtils.listResults;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.civicledger.domain.shared.StreamsByPrefix;

/**
 * Axon's JDBC engine on PostgreSQL, and the streams read by the start of their names: one query on
 * {@code aggregate_identifier LIKE 'prefix%'}, served by the pattern index of migration V6 (the table's
 * unique key cannot serve a prefix unless the database's collation is "C"), in the order of the global index.
 */
public class PostgresStorageEngine extends JdbcEventStorageEngine implements StreamsByPrefix {

    PostgresStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    public Stream<? extends DomainEventMessage<?>> readStreamsStartingWith(String prefix) {
        String sql = "SELECT " + domainEventFields() + " FROM " + schema().domainEventTable() + " WHERE "
                + schema().aggregateIdentifierColumn() + " LIKE ? ESCAPE '\\' ORDER BY " + schema().globalIndexColumn();
        List<? extends DomainEventData<?>> rows = executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setString(1, literal(prefix) + "%");
            return statement;
        }, listResults(this::getDomainEventData),
                e -> new EventStoreException("Could not read the streams starting with " + prefix, e));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), getEventSerializer(), upcasterChain)
                .asStream();
    }

    /** {@code text} matched as itself in a LIKE pattern: its wildcards escaped. */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
