package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code civic.event-store=kurrentdb} chosen by configuration alone: the system builds the KurrentDB engine
 * (its relational side on an embedded PostgreSQL) and, when the server cannot be reached, refuses to
 * start within the client's deadline, with an error that names KurrentDB — it does not come up half
 * working. (With {@code KURRENTDB_CONNECTION_STRING} set, every suite runs on a real server:
 * {@code -Dcivic.test.event-store=kurrentdb}.)
 */
class KurrentDbWiringEndToEndTest {

    @Test
    void theKurrentDbEngineIsChosenByConfigurationAndAnUnreachableServerStopsTheStartWithAClearError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens there once the socket is closed
        }
        TestStores stores = TestStores.fresh();
        long started = System.nanoTime();
        assertThatThrownBy(() -> RunningSystem.start(stores, "--civic.event-store=kurrentdb",
                "--civic.postgres.url=", "--civic.kurrentdb.stream-prefix=wiring-",
                "--civic.kurrentdb.connection-string=kurrentdb://127.0.0.1:" + closed
                        + "?tls=false&maxDiscoverAttempts=1&discoveryInterval=100&defaultDeadline=2000").close())
                .hasStackTraceContaining("KurrentDB: ")
                .hasStackTraceContaining("wiring-"); // the engine's own stream names: the KurrentDB engine was built
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        System.out.printf("KurrentDB unreachable: the start was refused after %d ms%n", took.toMillis());
    }
}
