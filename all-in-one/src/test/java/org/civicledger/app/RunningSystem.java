package org.civicledger.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole system, started in this JVM exactly as {@code CivicLedgerApplication.main} starts it. */
public final class RunningSystem implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    public final Api api;

    private RunningSystem(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Starts on {@code stores}; {@code overrides} ({@code --name=value}) replace any store setting of the same name. */
    public static RunningSystem start(TestStores stores, String... overrides) {
        RunningSystem system = startUnready(stores, overrides);
        system.awaitReady();
        return system;
    }

    /**
     * Starts on {@code stores} without waiting for the read models: for a harness that only writes and reads the
     * event store (at a million events a first build of the read models takes minutes).
     */
    public static RunningSystem startUnready(TestStores stores, String... overrides) {
        CivicLedgerApplication.quietLibraries();
        java.util.Map<String, Object> settings = stores.properties();
        for (String override : overrides) {
            String[] pair = override.substring(2).split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningSystem(new SpringApplicationBuilder(CivicLedgerApplication.class).run(arguments));
    }

    /** Until the read models have caught up with the events (reads answer 503 before), as a load balancer would wait. */
    public void awaitReady() {
        org.civicledger.query.readmodel.ReadModels models = bean(org.civicledger.query.readmodel.ReadModels.class);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (!models.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not catch up within 120 s: " + models.progress());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Settings for a second instance that writes to this one's event store, whichever engine this run uses. */
    public String[] sharedEventStore(String... more) {
        java.util.List<String> settings = new java.util.ArrayList<>();
        if (!TestStores.usesServer()) { // on a server, both already use the same schema
            String url = bean(org.civicledger.command.eventstore.EventStoreConfiguration.EmbeddedPostgresHolder.class)
                    .server().jdbcUrl();
            settings.addAll(java.util.List.of("--civic.postgres.url=" + url, "--civic.postgres.user=postgres"));
            if (!TestStores.usesKurrentDb()) { // on KurrentDB both already use the same streams
                settings.add("--civic.event-store=postgres");
            }
        }
        // the embedded read store is an instance's own: the first holds the data directory's file
        settings.add("--civic.read-store.embedded.storage=memory");
        settings.addAll(java.util.List.of(more));
        return settings.toArray(String[]::new);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
