package org.civicledger.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole system, started in this JVM exactly as {@code CivicLedgerApplication.main} starts it. */
final class RunningSystem implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final Api api;

    private RunningSystem(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Starts on {@code stores}; {@code overrides} ({@code --name=value}) replace any store setting of the same name. */
    static RunningSystem start(TestStores stores, String... overrides) {
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

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
