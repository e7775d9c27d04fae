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

    static RunningSystem start(TestStores stores, String... extraArguments) {
        CivicLedgerApplication.quietLibraries();
        String[] arguments = java.util.stream.Stream.concat(java.util.Arrays.stream(stores.asArguments()),
                java.util.Arrays.stream(extraArguments)).toArray(String[]::new);
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
