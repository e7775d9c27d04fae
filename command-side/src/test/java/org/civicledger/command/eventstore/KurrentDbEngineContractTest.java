package org.civicledger.command.eventstore;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.civicledger.command.eventstore.kurrentdb.KurrentDbStorageEngine;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract on KurrentDB, whenever {@code KURRENTDB_CONNECTION_STRING} names a server (for example
 * {@code kurrentdb://127.0.0.1:2113?tls=false}). Streams carry a prefix of their own per run, so runs on
 * one server never see each other's events. No KurrentDB server can be installed on the CI machine:
 * there the report shows this class as not run, with the reason.
 */
@EnabledIfEnvironmentVariable(named = "KURRENTDB_CONNECTION_STRING", matches = ".+",
        disabledReason = "KurrentDB not reachable: KURRENTDB_CONNECTION_STRING is not set")
class KurrentDbEngineContractTest extends EventStorageEngineContract {

    private KurrentDBClient client;

    @Override
    protected EventStorageEngine engine() {
        client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(System.getenv("KURRENTDB_CONNECTION_STRING")));
        return KurrentDbStorageEngine.builder()
                .client(client)
                .streamPrefix("contract" + Long.toHexString(System.nanoTime()) + "-")
                .tailWait(Duration.ofMillis(200))
                .snapshotSerializer(SERIALIZER)
                .eventSerializer(SERIALIZER)
                .upcasterChain(UPCASTERS)
                .build();
    }

    @Override
    protected String name() {
        return "KurrentDB " + System.getenv("KURRENTDB_CONNECTION_STRING").replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    protected void release() throws Exception {
        client.shutdown().get();
    }
}
