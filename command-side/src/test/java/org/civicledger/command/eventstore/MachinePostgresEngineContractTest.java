package org.civicledger.command.eventstore;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The contract on a PostgreSQL server: this machine's in {@code -Pmachine-services} (CI's second step), on
 * a schema of its own, dropped when the class is done. Without that profile the report shows
 * this class as not run, with the reason.
 */
@EnabledIfSystemProperty(named = "civic.test.event-store", matches = "postgres",
        disabledReason = "no PostgreSQL server configured: runs in -Pmachine-services (.ci/run step 2)")
class MachinePostgresEngineContractTest extends PostgresEngineContract {

    @Override
    protected String[] urlAndUser() {
        return new String[] {System.getProperty("civic.test.postgres.url"),
            System.getProperty("civic.test.postgres.user", "postgres")};
    }

    @Override
    protected String name() {
        return "PostgreSQL server " + System.getProperty("civic.test.postgres.url");
    }
}
