package org.civicledger.bench.simulator;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A command-line bench simulator: N benches with their own Ed25519 keys send ideas, opinions,
 * telemetry and status over MQTT at configurable rates, signed per contract section 4. It can
 * register and commission its benches through the API (with a dev token), and reports sent,
 * acknowledged and rejected messages and the acknowledged rate as it runs. See README, "Benches".
 */
public final class BenchSimulator {

    /** What to simulate. Rates are per bench and minute. */
    public record Settings(String mqttHost, int mqttPort, String api, boolean register, List<String> municipalities,
                           int benches, int seconds, double ideasPerMinute, double opinionsPerMinute,
                           double telemetryPerMinute, double statusPerMinute, String prefix) {
    }

    /** What happened. {@code acknowledged} counts PUBACKs; of those, {@code rejected} came back refused. */
    public record Report(long sent, long acknowledged, long rejected, double seconds) {
        public double acknowledgedPerSecond() {
            return seconds <= 0 ? 0 : acknowledged / seconds;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Set when the run's time is up: timers still firing send nothing more. */
    private volatile boolean stopping;

    public BenchSimulator(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger("io.vertx") instanceof ch.qos.logback.classic.Logger vertxLog) {
            vertxLog.setLevel(ch.qos.logback.classic.Level.WARN); // one line per connection is noise here
        }
        Settings settings = parse(args);
        Report report = new BenchSimulator(settings).run(line -> System.out.println(line));
        System.exit(report.acknowledged() == report.sent() ? 0 : 1);
    }

    public Report run(java.util.function.Consumer<String> progress) throws Exception {
        List<BenchSigner> benches = new ArrayList<>();
        for (int i = 0; i < settings.benches(); i++) {
            String municipality = settings.municipalities().get(i % settings.municipalities().size());
            benches.add(BenchSigner.withNewKey(settings.prefix() + "-" + municipality + "-" + (i + 1)));
        }
        Map<String, List<String[]>> consultations = new HashMap<>();
        if (settings.register()) {
            String admin = token("bench-simulator", "ADMIN");
            for (BenchSigner bench : benches) {
                register(admin, bench, municipalityOf(bench));
            }
            progress.accept("Registered and commissioned " + benches.size() + " benches");
        }
        if (settings.opinionsPerMinute() > 0) {
            for (String municipality : settings.municipalities()) {
                consultations.put(municipality, openConsultations(municipality));
            }
        }
        Vertx vertx = Vertx.vertx();
        List<MqttClient> clients = new ArrayList<>();
        long started = System.nanoTime();
        try {
            SplittableRandom random = new SplittableRandom(42);
            for (BenchSigner bench : benches) {
                MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId(bench.benchId())
                        .setAutoKeepAlive(true).setMaxInflightQueue(1_000));
                client.publishCompletionHandler(id -> acknowledged.incrementAndGet());
                client.publishHandler(message -> rejected.incrementAndGet());
                client.connect(settings.mqttPort(), settings.mqttHost()).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                client.subscribe("benches/" + bench.benchId() + "/rejections", 1).toCompletionStage()
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                clients.add(client);
                List<String[]> open = consultations.getOrDefault(municipalityOf(bench), List.of());
                every(vertx, settings.ideasPerMinute(), random, () -> send(client, bench, "ideas", LocalIdeas.any(random)));
                every(vertx, settings.telemetryPerMinute(), random, () -> send(client, bench, "telemetry", Map.of(
                        "batteryPercent", 40 + random.nextInt(60), "solarWatts", random.nextInt(250),
                        "wifiClients", random.nextInt(12), "chargingSessions", random.nextInt(4),
                        "temperatureCelsius", -5 + random.nextInt(40))));
                every(vertx, settings.statusPerMinute(), random, () -> send(client, bench, "status", Map.of("state", "ONLINE")));
                if (!open.isEmpty()) {
                    every(vertx, settings.opinionsPerMinute(), random, () -> {
                        String[] consultation = open.get(random.nextInt(open.size()));
                        send(client, bench, "opinions", Map.of("consultationId", consultation[0], "optionId", consultation[1]));
                    });
                }
            }
            long end = started + TimeUnit.SECONDS.toNanos(settings.seconds());
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(5_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                progress.accept(line(started));
            }
            synchronized (this) {
                stopping = true; // no send is between its check and its count from here on
            }
            long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.get() < sent.get() && System.nanoTime() < drain) {
                Thread.sleep(50);
            }
            Report report = new Report(sent.get(), acknowledged.get(), rejected.get(),
                    (System.nanoTime() - started) / 1e9);
            progress.accept("Done: " + line(started));
            return report;
        } finally {
            for (MqttClient client : clients) {
                try {
                    client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // disconnecting anyway
                }
            }
            vertx.close();
        }
    }

    private void every(Vertx vertx, double perMinute, SplittableRandom random, Runnable send) {
        if (perMinute <= 0) {
            return;
        }
        long period = Math.max(1, (long) (60_000 / perMinute));
        vertx.setTimer(1 + random.nextLong(period), first -> {
            send.run();
            vertx.setPeriodic(period, id -> send.run());
        });
    }

    private synchronized void send(MqttClient client, BenchSigner bench, String kind, Map<String, Object> fields) {
        if (stopping) {
            return;
        }
        String jws = bench.sign(UUID.randomUUID().toString(), fields);
        sent.incrementAndGet();
        client.publish("benches/" + bench.benchId() + "/" + kind, Buffer.buffer(jws), MqttQoS.AT_LEAST_ONCE, false, false);
    }

    private String line(long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(Locale.ROOT, "t=%.0fs sent=%d acknowledged=%d rejected=%d in-flight=%d acknowledged/s=%.1f",
                seconds, sent.get(), acknowledged.get(), rejected.get(), sent.get() - acknowledged.get(),
                seconds <= 0 ? 0 : acknowledged.get() / seconds);
    }

    private String municipalityOf(BenchSigner bench) {
        String rest = bench.benchId().substring(settings.prefix().length() + 1);
        return rest.substring(0, rest.lastIndexOf('-'));
    }

    private String token(String subject, String role) throws Exception {
        JsonNode answer = post("/api/v1/dev/tokens", null, Map.of("subject", subject, "roles", List.of(role)), 200);
        return answer.get("token").asString();
    }

    private void register(String admin, BenchSigner bench, String municipality) throws Exception {
        post("/api/v1/benches", admin, Map.of("benchId", bench.benchId(), "municipalityId", municipality,
                "location", Map.of("lat", 43.0 + Math.random(), "lon", 17.0 + Math.random()),
                "publicKey", bench.publicKey()), 201);
        post("/api/v1/benches/" + bench.benchId() + "/commissioning", admin, Map.of(), 204);
    }

    private List<String[]> openConsultations(String municipality) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.api()
                + "/api/v1/consultations?municipalityId=" + municipality)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String[]> open = new ArrayList<>();
        for (JsonNode consultation : JSON.readTree(response.body())) {
            if ("OPEN".equals(consultation.get("status").asString())) {
                open.add(new String[] {consultation.get("consultationId").asString(),
                    consultation.at("/options/0/optionId").asString()});
            }
        }
        return open;
    }

    private JsonNode post(String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.api() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    static Settings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i] + "; options look like --benches 12");
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        String[] mqtt = options.getOrDefault("mqtt", "127.0.0.1:1883").split(":");
        return new Settings(mqtt[0], Integer.parseInt(mqtt[1]), options.getOrDefault("api", "http://127.0.0.1:8080"),
                Boolean.parseBoolean(options.getOrDefault("register", "false")),
                Arrays.asList(options.getOrDefault("municipalities", "berkovici,jablanica,kostajnica,maglaj,mostar,"
                        + "nevesinje,novi-grad,prijedor,ravno,trebinje,zavidovici,zepce").split(",")),
                Integer.parseInt(options.getOrDefault("benches", "12")),
                Integer.parseInt(options.getOrDefault("seconds", "60")),
                Double.parseDouble(options.getOrDefault("ideas-per-minute", "1")),
                Double.parseDouble(options.getOrDefault("opinions-per-minute", "2")),
                Double.parseDouble(options.getOrDefault("telemetry-per-minute", "6")),
                Double.parseDouble(options.getOrDefault("status-per-minute", "1")),
                options.getOrDefault("prefix", "sim-" + Long.toString(System.currentTimeMillis() / 1000, 36)));
    }
}
