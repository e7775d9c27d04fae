package org.civicledger.app;

import java.util.Optional;
import org.civicledger.bench.mqtt.BenchTransport;
import org.civicledger.command.DataDirectory;
import org.civicledger.command.eventstore.EventStoreKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the operator, once everything is up, where the system listens and where it keeps its data. */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final Environment environment;
    private final EventStoreKind eventStore;
    private final DataDirectory data;
    private final ObjectProvider<BenchTransport> benches;

    ReadyAnnouncement(Environment environment, EventStoreKind eventStore, DataDirectory data,
                      ObjectProvider<BenchTransport> benches) {
        this.environment = environment;
        this.eventStore = eventStore;
        this.data = data;
        this.benches = benches;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String readStore = environment.getProperty("civic.read-store.mongodb.uri", "");
        log.info("""

                Civic Ledger is ready.
                  HTTP API      http://localhost:{}/api/v1   (port {})
                  Bench MQTT    {}
                  Event store   {}{}
                  Read store    {}
                """,
                port, port, Optional.ofNullable(benches.getIfAvailable()).map(BenchTransport::describe)
                        .orElse("off (civic.bench.mqtt.enabled=false)"), eventStore.setting(),
                eventStore == EventStoreKind.EMBEDDED_POSTGRES ? " in " + data.resolve("postgres") : "",
                readStore.isBlank() ? "embedded MongoDB-wire server (memory, rebuilt from events at start)" : readStore);
    }
}
