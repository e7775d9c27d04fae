package org.civicledger.command.eventstore;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The engines that can hold the events, chosen with {@code civic.event-store}. */
public enum EventStoreKind {
    /** Real PostgreSQL binaries started in-process, data under {@code civic.data-dir}: the default run. */
    EMBEDDED_POSTGRES("embedded-postgres"),
    /** A PostgreSQL server at {@code civic.postgres.url}. */
    POSTGRES("postgres"),
    /** KurrentDB (EventStoreDB); not available yet. */
    KURRENTDB("kurrentdb");

    private final String setting;

    EventStoreKind(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public static EventStoreKind of(String setting) {
        return Arrays.stream(values()).filter(k -> k.setting.equals(setting)).findFirst()
                .orElseThrow(() -> new IllegalStateException("civic.event-store=" + setting + " is not known; use one of "
                        + Arrays.stream(values()).map(EventStoreKind::setting).collect(Collectors.joining(", "))));
    }
}
