package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Broker mode, the bridge killed mid-stream: the system runs as its own JVM, subscribed to the broker with
 * a persistent session; benches publish telemetry at QoS 1 and keep a ledger of every message the broker
 * acknowledged; {@code kill -9} while messages are flowing (some received by the bridge and not yet
 * acknowledged), then as many again while it is down. After a restart under the same client id, every
 * message in the ledger is exactly one event: the broker's redelivery of what was in flight is absorbed
 * by the message id, and what was queued meanwhile arrives.
 */
class BridgeKillEndToEndTest {

    private static final String RUN = Long.toHexString(System.nanoTime() & 0xffffffL);
    private static final String CLIENT = "bridge-kill-" + RUN;
    private static final String GROUP = "civic-kill-" + RUN;
    private static final int BENCHES = 4;
    /**
     * Messages each bench sends. Brokers keep a bounded queue for a session that is away (HiveMQ and
     * Mosquitto: 1,000 messages by default) and drop beyond it; the stream stays within that bound.
     */
    private static final int MESSAGES_PER_BENCH = 200;
    /** Of which each bench sends this many while the bridge runs, and the rest once it has been killed. */
    private static final int BEFORE_THE_KILL = 150;

    @Test
    void everyMessageTheBrokerAcknowledgedIsOneEventAfterTheBridgeIsKilledMidStream() throws Exception {
        List<SimulatedBench> benches = new ArrayList<>();
        ExecutorService publishers = Executors.newFixedThreadPool(BENCHES);
        try (TestBroker broker = TestBroker.start()) {
            TestStores stores = TestStores.fresh();
            String[] bridge = bridgeSettings(broker);
            int port = FreePorts.any();
            Process app = SystemProcess.start(stores, port, bridge);
            Api api = new Api(port);
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> api.get("/actuator/health").status() == 200);
                for (int b = 0; b < BENCHES; b++) {
                    SimulatedBench bench = new SimulatedBench("bench-kill-" + b + "-" + RUN);
                    Journeys.commission(api, bench, "zavidovici");
                    benches.add(bench.connect(broker.port));
                }

                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicInteger attempted = new AtomicInteger();
                // most of every bench's messages while the bridge runs, killed early in that stream, the rest after
                CompletableFuture<Void> beforeTheKill = publishAll(benches, 0, BEFORE_THE_KILL, acknowledged, attempted,
                        publishers);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stored(api) >= 100);
                double storedBeforeKill = stored(api);

                app.destroyForcibly(); // SIGKILL: messages received by the bridge and not yet acknowledged stay in flight
                app.waitFor(30, TimeUnit.SECONDS);
                beforeTheKill.get(60, TimeUnit.SECONDS);
                int atKill = acknowledged.size();
                publishAll(benches, BEFORE_THE_KILL, MESSAGES_PER_BENCH, acknowledged, attempted, publishers).get(60, TimeUnit.SECONDS);
                int whileDown = acknowledged.size() - atKill;
                assertThat(whileDown).as("acknowledged by the broker while the bridge was down").isPositive();

                try (RunningSystem again = RunningSystem.start(stores, bridge)) {
                    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                            eventsPerMessage(again, acknowledged).values().stream().filter(n -> n == 0).count())
                            .as("acknowledged messages without their event").isZero());
                    Map<String, Long> found = eventsPerMessage(again, acknowledged);
                    assertThat(found.values().stream().filter(n -> n != 1).count()).as("acknowledged messages not stored exactly once")
                            .isZero();
                    long all = StoredEvents.count(again, StoredEvents.in("bench-report-", null));
                    assertThat(all).as("no event for a message the broker never acknowledged to a bench, beyond those "
                            + "in flight at the end").isBetween((long) acknowledged.size(), (long) attempted.get());
                    double redelivered = counted(again.api, "duplicate");
                    System.out.printf("bridge kill: %,d messages published, %,d acknowledged by the broker (%,d while the "
                                    + "bridge was down), %,.0f stored before the kill, %,d events after the restart, "
                                    + "%,.0f redeliveries absorbed as duplicates%n", attempted.get(), acknowledged.size(),
                            whileDown, storedBeforeKill, all, redelivered);
                }
            } finally {
                app.destroyForcibly();
                publishers.shutdownNow();
                benches.forEach(SimulatedBench::close);
                broker.forget(List.of(CLIENT), List.of());
            }
        }
    }

    /** Each bench publishes its messages {@code from} (inclusive) to {@code to} (exclusive), noting each PUBACK. */
    private static CompletableFuture<Void> publishAll(List<SimulatedBench> benches, int from, int to,
                                                     Set<String> acknowledged, AtomicInteger attempted,
                                                     ExecutorService publishers) {
        return CompletableFuture.allOf(benches.stream().map(bench -> CompletableFuture.runAsync(() -> {
            for (int i = from; i < to; i++) {
                String messageId = UUID.randomUUID().toString();
                attempted.incrementAndGet();
                try {
                    if (bench.publish("telemetry", bench.message(messageId, telemetry(i)))) {
                        acknowledged.add(messageId);
                    }
                } catch (Exception notAcknowledged) {
                    // not in the ledger: the bench would send it again as a new attempt
                }
            }
        }, publishers)).toArray(CompletableFuture[]::new));
    }

    private static String[] bridgeSettings(TestBroker broker) {
        List<String> settings = new ArrayList<>(List.of(broker.bridgeSettings(CLIENT, GROUP)));
        settings.add("--civic.bench.rate-limit.per-minute=1000000"); // four benches publishing flat out
        return settings.toArray(String[]::new);
    }

    private static Map<String, Object> telemetry(int i) {
        return Map.of("batteryPercent", 40 + i % 60, "solarWatts", 12.5, "wifiClients", i % 7, "chargingSessions", i % 3,
                "temperatureCelsius", 9.0);
    }

    /** How many events each message's stream holds. */
    private static Map<String, Long> eventsPerMessage(RunningSystem system, Set<String> messageIds) {
        Map<String, Long> found = new ConcurrentHashMap<>();
        messageIds.forEach(id -> found.put(id, StoredEvents.of(system, "bench-report-" + id)));
        return found;
    }

    private static double stored(Api api) {
        return counted(api, "stored");
    }

    private static double counted(Api api, String outcome) {
        var metric = api.get("/actuator/metrics/civic.bench.messages?tag=outcome:" + outcome, api.token("admin", "ADMIN"));
        return metric.status() == 404 ? 0 : metric.body().at("/measurements/0/value").asDouble();
    }
}
