package org.civicledger.command.eventstore;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The engines that can hold the events, chosen with {@code civic.event-store}. */
public enum EventStoreKind {
    /** Real PostgreSQL binaries started in-process, data under {@code civic.data-dir}: the default run. */
    EMBEDDED_POSTGRES("embedded-postgres"),
    /** A PostgreSQL server at {@code civic.postgres.url}. */
    POSTGRES("postgres"),
    /** KurrentDB (EventStoreDB) at {@code civic.kurrentdb.connection-string}; the relational store stays PostgreSQL. */
    KURRENTDB("kurrentdb");

    private final String setting;

    EventStoreKind(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** Whether this run starts PostgreSQL itself: the default run, or KurrentDB for events without a server named. */
    public boolean embedsPostgres(PostgresSettings settings) {
        return this == EMBEDDED_POSTGRES || (this == KURRENTDB && (settings.url() == null || settings.url().isBlank()));
    }

    public static EventStoreKind of(String setting) {
        return Arrays.stream(values()).filter(k -> k.setting.equals(setting)).findFirst()
                .orElseThrow(() -> new IllegalStateException("civic.event-store=" + setting + " is not known; use one of "
                        + Arrays.stream(values()).map(EventStoreKind::setting).collect(Collectors.joining(", "))));
    }
}
