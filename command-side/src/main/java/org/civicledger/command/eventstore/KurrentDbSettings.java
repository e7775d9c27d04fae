package org.civicledger.command.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the events live when {@code civic.event-store=kurrentdb}.
 *
 * @param connectionString a KurrentDB connection string, e.g. {@code kurrentdb+discover://admin:<password>@node1:2113,
 *                         node2:2113,node3:2113?tls=true} for a cluster (credentials from the environment, never from
 *                         the repository)
 * @param streamPrefix     the start of every event stream's name ({@code civic-}); one per deployment on a cluster
 * @param tailWait         how long a processor's read waits at the head for a new event before asking again
 */
@ConfigurationProperties("civic.kurrentdb")
public record KurrentDbSettings(String connectionString, String streamPrefix, Duration tailWait) {

    public KurrentDbSettings {
        streamPrefix = streamPrefix == null || streamPrefix.isBlank() ? "civic-" : streamPrefix;
        tailWait = tailWait == null ? Duration.ofMillis(500) : tailWait;
    }
}
