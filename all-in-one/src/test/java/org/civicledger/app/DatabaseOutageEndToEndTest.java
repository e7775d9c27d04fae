package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.civicledger.command.eventstore.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The event store's database goes away under load and comes back: meanwhile writes are answered 503 with
 * a problem document (never 500, never later than a bounded time), the system recovers by itself, and
 * every write acknowledged before, during or after is stored exactly once. The line to the database runs
 * through a {@link TcpProxy} the test cuts — the database is this machine's PostgreSQL in
 * {@code -Pmachine-services}, an embedded one otherwise; neither is stopped for other users.
 */
class DatabaseOutageEndToEndTest {

    private static final int CLIENTS = 6;

    @Test
    void writesDuringAnOutageAreRefusedAsUnavailableAndTheSystemRecoversLosingNothing() throws Exception {
        TestStores stores = TestStores.fresh();
        EmbeddedPostgresServer embedded = null;
        String host = "127.0.0.1";
        int port;
        String database;
        String user;
        if (TestStores.usesServer()) {
            URI url = URI.create(TestStores.POSTGRES_URL.substring("jdbc:".length()));
            port = url.getPort();
            database = url.getPath().substring(1);
            user = TestStores.POSTGRES_USER;
        } else {
            embedded = EmbeddedPostgresServer.start(Files.createTempDirectory("civic-ledger-outage-"), 0);
            port = embedded.port();
            database = "postgres";
            user = "postgres";
        }
        try (TcpProxy line = TcpProxy.to(host, port);
             RunningSystem system = RunningSystem.start(stores, "--civic.event-store=postgres",
                     "--civic.postgres.url=jdbc:postgresql://127.0.0.1:" + line.port() + "/" + database,
                     "--civic.postgres.user=" + user, "--logging.level.root=WARN",
                     "--civic.http.writes-per-person-per-minute=1000000")) { // six people writing flat out
            Api api = system.api;
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            AtomicLong slowest = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                String citizen = api.token("outage-" + c, "CITIZEN");
                clients.submit(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        Api.Reply reply = api.post("/api/v1/ideas", citizen, IdeaLoopEndToEndTest.idea("mostar"));
                        slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
                        if (reply.status() == 201) {
                            acknowledged.add(reply.json("ideaId").asString());
                        } else {
                            assertThat(reply.contentType()).startsWith("application/problem+json");
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

            line.cut();
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.containsKey(503));
            Thread.sleep(3_000);
            int beforeRestore = acknowledged.size();
            line.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= beforeRestore + 20);

            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(statuses.keySet()).as("statuses seen: %s", statuses).containsOnly(201, 503);
            assertThat(Duration.ofNanos(slowest.get())).isLessThan(Duration.ofSeconds(20));
            for (String idea : acknowledged) {
                assertThat(StoredEvents.of(system, "idea-" + idea)).as(idea).isEqualTo(1);
            }
            System.out.printf("outage: %s answers; %,d ideas acknowledged, each stored once; slowest answer %d ms%n",
                    statuses, acknowledged.size(), TimeUnit.NANOSECONDS.toMillis(slowest.get()));
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
