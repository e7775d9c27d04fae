package org.civicledger.benchmarks;

import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.bench.mqtt.BenchEndpoint;
import org.civicledger.bench.simulator.BenchSigner;
import org.civicledger.bench.simulator.LocalIdeas;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchKey;
import org.civicledger.domain.bench.CommissionBench;
import org.civicledger.domain.bench.Location;
import org.civicledger.domain.bench.RegisterBench;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bench bridge's throughput, beside this machine's MQTT broker in the same run. For 12 and for
 * 1,000 benches: each bench one MQTT connection, QoS 1, up to {@value #WINDOW} messages in flight,
 * signed messages prepared beforehand (80% telemetry, 10% status, 10% ideas). Measured: messages per
 * second from the first publish to the last PUBACK of the embedded endpoint (a PUBACK means the event
 * is stored), and the same messages through the broker from publishers to one subscriber (publish to
 * delivery, QoS 1). Checks afterwards that every acknowledged message is exactly one event.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am install -DskipTests && ./mvnw -q -pl benchmarks exec:java
 * -Dexec.args="--broker 127.0.0.1:1883"}
 */
public final class BenchThroughput {

    static final int WINDOW = 10;

    public static void main(String[] args) throws Exception {
        String broker = Options.of(args, "--broker", "127.0.0.1:1883");
        int[] benchCounts = Arrays.stream(Options.of(args, "--benches", "12,1000").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int messages = Integer.parseInt(Options.of(args, "--messages", "6000"));
        List<String> rows = new ArrayList<>();
        TestStores stores = TestStores.fresh();
        try (RunningSystem system = RunningSystem.start(stores, "--civic.bench.rate-limit.per-minute=100000000",
                "--logging.level.root=WARN", "--logging.level.org.civicledger.app.ReadyAnnouncement=INFO")) {
            int port = system.bean(BenchEndpoint.class).port();
            for (int benches : benchCounts) {
                List<BenchSigner> signers = register(system, benches);
                List<List<String>> load = prepare(signers, messages);
                String[] hostPort = broker.split(":");
                double baseline = brokerRate(hostPort[0], Integer.parseInt(hostPort[1]), signers, load);
                Result bridge = bridgeRate(port, signers, load);
                long events = new JdbcTemplate(system.bean(DataSource.class)).queryForObject(
                        "select count(*) from domain_event_entry where payload_type in (?, ?, ?)", Long.class,
                        "org.civicledger.domain.bench.BenchTelemetryRecorded",
                        "org.civicledger.domain.bench.BenchStatusReported", "org.civicledger.domain.idea.IdeaSubmitted");
                rows.add(String.format(java.util.Locale.ROOT,
                        "| %,d | %,d | %,.0f msg/s | %,.0f msg/s | %.3f | %.1f ms | %.1f ms | %,d |", benches,
                        bridge.sent, baseline, bridge.rate, baseline > 0 ? bridge.rate / baseline : Double.NaN,
                        bridge.p50, bridge.p99, events));
                System.out.printf("%d benches: bridge %.0f msg/s, broker %.0f msg/s, events so far %d%n", benches,
                        bridge.rate, baseline, events);
            }
        }
        System.out.println();
        System.out.println("| benches | messages | broker publish→subscribe | bridge publish→stored+PUBACK | ratio | PUBACK p50 | PUBACK p99 | events stored (cumulative) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0); // Axon's janitor thread would keep the JVM alive
    }


    private static List<BenchSigner> register(RunningSystem system, int count) {
        CommandGateway commands = system.bean(CommandGateway.class);
        String run = Long.toHexString(System.nanoTime() & 0xfffffL);
        Pseudonym admin = new Pseudonym("benchmark-admin-000000");
        List<String> municipalities = List.of("maglaj", "mostar", "prijedor", "trebinje", "zepce", "jablanica");
        List<BenchSigner> signers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BenchSigner signer = BenchSigner.withNewKey("bench-load-" + run + "-" + i);
            BenchId id = new BenchId(signer.benchId());
            commands.sendAndWait(new RegisterBench(id, new MunicipalityId(municipalities.get(i % municipalities.size())),
                    new Location(44.0, 18.0), new BenchKey(signer.publicKey()), admin));
            commands.sendAndWait(new CommissionBench(id, admin));
            signers.add(signer);
        }
        return signers;
    }

    /** Each bench's messages, signed: {@code total} spread over the benches. */
    private static List<List<String>> prepare(List<BenchSigner> signers, int total) {
        List<List<String>> load = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int b = 0; b < signers.size(); b++) {
            BenchSigner signer = signers.get(b);
            List<String> messages = new ArrayList<>();
            int share = total / signers.size() + (b < total % signers.size() ? 1 : 0);
            for (int m = 0; m < share; m++) {
                String kind = m % 10 == 9 ? "ideas" : m % 10 == 8 ? "status" : "telemetry";
                Map<String, Object> fields = switch (kind) {
                    case "ideas" -> LocalIdeas.any(random);
                    case "status" -> Map.of("state", "ONLINE");
                    default -> Map.of("batteryPercent", 80, "solarWatts", 95.5, "wifiClients", 3, "chargingSessions", 1,
                            "temperatureCelsius", 14.5);
                };
                messages.add(kind + " " + signer.sign(UUID.randomUUID().toString(), fields));
            }
            load.add(messages);
        }
        return load;
    }

    record Result(int sent, double rate, double p50, double p99) {
    }

    /** Every bench publishes its messages to the bridge, {@value #WINDOW} in flight; timed to the last PUBACK. */
    private static Result bridgeRate(int port, List<BenchSigner> signers, List<List<String>> load) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<MqttClient> clients = connect(vertx, "127.0.0.1", port, signers, "");
            int total = load.stream().mapToInt(List::size).sum();
            CountDownLatch done = new CountDownLatch(total);
            long[] latencies = new long[total];
            AtomicInteger index = new AtomicInteger();
            long start = System.nanoTime();
            for (int b = 0; b < clients.size(); b++) {
                publishAll(vertx, clients.get(b), "benches/" + signers.get(b).benchId() + "/", load.get(b), done,
                        latencies, index);
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not every message was acknowledged: " + done.getCount() + " missing");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            close(clients);
            Latencies measured = new Latencies(latencies, index.get());
            return new Result(total, total / seconds, measured.medianMillis(), measured.p99Millis());
        } finally {
            vertx.close();
        }
    }

    /** Publishes one bench's messages, keeping {@value #WINDOW} in flight, recording each publish→PUBACK time. */
    private static void publishAll(Vertx vertx, MqttClient client, String topicPrefix, List<String> messages,
                                   CountDownLatch done, long[] latencies, AtomicInteger index) {
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= messages.size()) {
                return;
            }
            String[] kindAndJws = messages.get(i).split(" ", 2);
            long at = System.nanoTime();
            client.publish(topicPrefix + kindAndJws[0], Buffer.buffer(kindAndJws[1]), MqttQoS.AT_LEAST_ONCE, false, false)
                    .onSuccess(packetId -> sentAt.put(packetId, at));
        };
        client.publishCompletionHandler(packetId -> {
            Long at = sentAt.remove(packetId);
            if (at != null) {
                latencies[index.getAndIncrement()] = System.nanoTime() - at;
            }
            done.countDown();
            vertx.runOnContext(v -> sendNext[0].run());
        });
        vertx.runOnContext(v -> {
            for (int w = 0; w < WINDOW; w++) {
                sendNext[0].run();
            }
        });
    }

    /**
     * The broker's rate for the same messages: the same number of publishing clients, QoS 1, the same
     * window, and one subscriber at QoS 1; timed from the first publish to the last delivery.
     */
    private static double brokerRate(String host, int port, List<BenchSigner> signers, List<List<String>> load)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        String prefix = "civic-ledger-benchmark/" + Long.toHexString(System.nanoTime()) + "/";
        try {
            int total = load.stream().mapToInt(List::size).sum();
            CountDownLatch delivered = new CountDownLatch(total);
            AtomicLong lastDelivery = new AtomicLong();
            MqttClient subscriber = MqttClient.create(vertx, new MqttClientOptions()
                    .setClientId("civic-benchmark-sub-" + UUID.randomUUID()).setMaxMessageSize(64 * 1024));
            subscriber.publishHandler(m -> {
                lastDelivery.set(System.nanoTime());
                delivered.countDown();
            });
            subscriber.connect(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            subscriber.subscribe(prefix + "#", 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<MqttClient> publishers = connect(vertx, host, port, signers, "pub-");
            CountDownLatch acked = new CountDownLatch(total);
            long start = System.nanoTime();
            for (int b = 0; b < publishers.size(); b++) {
                publishAll(vertx, publishers.get(b), prefix + signers.get(b).benchId() + "/", load.get(b), acked,
                        new long[load.get(b).size()], new AtomicInteger());
            }
            long seen = -1;
            while (!delivered.await(3, TimeUnit.SECONDS) && delivered.getCount() != seen) {
                seen = delivered.getCount(); // still delivering
            }
            long count = total - delivered.getCount();
            if (count < total) {
                System.out.printf("The broker delivered %d of %d (its queue limit dropped the rest); rate over those%n",
                        count, total);
            }
            double seconds = (lastDelivery.get() - start) / 1e9;
            close(publishers);
            subscriber.disconnect();
            return count / seconds;
        } catch (java.util.concurrent.ExecutionException unreachable) {
            System.out.println("No MQTT broker at " + host + ":" + port + " (" + unreachable.getMessage() + "); no baseline");
            return 0;
        } finally {
            vertx.close();
        }
    }

    private static List<MqttClient> connect(Vertx vertx, String host, int port, List<BenchSigner> signers, String prefix)
            throws Exception {
        List<MqttClient> clients = new ArrayList<>();
        List<CompletableFuture<?>> connecting = new ArrayList<>();
        for (BenchSigner signer : signers) {
            MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId(prefix + signer.benchId())
                    .setMaxInflightQueue(WINDOW * 2).setAutoKeepAlive(true));
            clients.add(client);
            connecting.add(client.connect(port, host).toCompletionStage().toCompletableFuture());
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return clients;
    }

    private static void close(List<MqttClient> clients) {
        clients.forEach(c -> c.disconnect());
    }

    private BenchThroughput() {
    }
}
