package org.civicledger.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole system in a JVM of its own (the test's class path, {@code CivicLedgerApplication}), so a test
 * can {@code kill -9} it: no shutdown hook runs, nothing is flushed or acknowledged on the way out.
 */
final class SystemProcess {

    private SystemProcess() {
    }

    /** Starts on {@code stores} with HTTP on {@code port}; {@code more} ({@code --name=value}) replace store settings. */
    static Process start(TestStores stores, int port, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CivicLedgerApplication.class.getName()));
        Map<String, Object> settings = stores.properties();
        settings.put("server.port", String.valueOf(port));
        // the MQTT endpoint keeps the stores' port 0 (bound by the system itself): a second port picked here
        // could be the one just picked for HTTP, since neither is bound yet
        settings.put("logging.level.root", "WARN");
        for (String override : more) {
            String[] pair = override.substring(2).split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = Files.createTempFile("civic-ledger-process-", ".log");
        System.out.println("system process log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
