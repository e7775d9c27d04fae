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
    private final org.civicledger.query.readmodel.ReadModels models;

    ReadyAnnouncement(Environment environment, EventStoreKind eventStore, DataDirectory data,
                      ObjectProvider<BenchTransport> benches, org.civicledger.query.readmodel.ReadModels models) {
        this.models = models;
        this.environment = environment;
        this.eventStore = eventStore;
        this.data = data;
        this.benches = benches;
    }

    /**
     * Once the web server is up, waits (without holding up the start) until the read models have caught up with
     * the events — reads answer 503 until then — and says the system is ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    void announceWhenReady() {
        Thread waiting = new Thread(() -> {
            try {
                while (!models.ready()) {
                    Thread.sleep(50);
                }
                announce();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "ready-announcement");
        waiting.setDaemon(true);
        waiting.start();
    }

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
                readStore.isBlank() ? "embedded MongoDB-wire server" : readStore);
    }
}
