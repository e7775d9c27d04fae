package org.civicledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The default run: the command side, the query side and the bench bridge in one process, on an
 * embedded PostgreSQL event store and an embedded MongoDB-wire read store, data under {@code ./data}.
 */
@SpringBootApplication(scanBasePackages = "org.civicledger")
public class CivicLedgerApplication {

    public static void main(String[] args) {
        quietLibraries();
        SpringApplication.run(CivicLedgerApplication.class, args);
    }

    /** No outbound calls at runtime: Axon's update checker and its console banner are switched off. */
    static void quietLibraries() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
