package org.civicledger.command.eventstore;

import java.nio.file.Files;

/** The contract on the default run's engine: Axon's JDBC engine on real PostgreSQL binaries started here. */
class EmbeddedPostgresEngineContractTest extends PostgresEngineContract {

    private EmbeddedPostgresServer server;

    @Override
    protected String[] urlAndUser() throws Exception {
        server = EmbeddedPostgresServer.start(Files.createTempDirectory("civic-contract-pg-"), 0);
        return new String[] {server.jdbcUrl(), "postgres"};
    }

    @Override
    protected String name() {
        return "embedded PostgreSQL";
    }

    @Override
    protected void release() throws Exception {
        super.release();
        if (server != null) {
            server.close();
        }
    }
}
