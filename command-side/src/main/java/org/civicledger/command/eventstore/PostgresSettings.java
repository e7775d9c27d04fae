package org.civicledger.command.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the PostgreSQL event store lives when {@code civic.event-store=postgres}.
 *
 * @param url      JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}
 * @param user     database user
 * @param password database password (from the environment, never from the repository)
 * @param schema   the schema that holds the tables; created if missing
 * @param poolSize connections in the pool
 */
@ConfigurationProperties("civic.postgres")
public record PostgresSettings(String url, String user, String password, String schema, Integer poolSize) {

    public PostgresSettings {
        schema = schema == null || schema.isBlank() ? "public" : schema;
        poolSize = poolSize == null ? 20 : poolSize;
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("civic.postgres.schema must be a lowercase SQL identifier, was " + schema);
        }
    }
}
