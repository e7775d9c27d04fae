package org.civicledger.bench.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.civicledger.bench.consultation.OpenConsultations;
import org.civicledger.bench.message.BenchMessageHandling;
import org.civicledger.bench.message.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Broker mode: the bridge as a client of any MQTT broker (Vert.x {@code MqttClient}). It keeps a
 * persistent session ({@code cleanSession=false}, a stable client id), joins a shared subscription so
 * several bridge instances split the benches' messages, and acknowledges each message itself, only
 * once its event is stored: a message in flight when the bridge stops is delivered again by the
 * broker, and absorbed as a duplicate. It publishes rejections and, retained, each bench's open
 * consultations. It reconnects by itself whenever the connection is lost.
 */
public class BenchBrokerClient implements SmartLifecycle, BenchTransport {

    private static final Logger log = LoggerFactory.getLogger(BenchBrokerClient.class);

    private final Vertx vertx;
    private final BenchMessageHandling handling;
    private final OpenConsultations consultations;
    private final AcknowledgementGate gate;
    private final BrokerSettings settings;
    /** What each bench's consultations topic was last given, so only changes are published. */
    private final Map<String, String> lastNotice = new ConcurrentHashMap<>();
    private volatile MqttClient client;
    private volatile boolean running;
    private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private long windowTimer = -1;

    public BenchBrokerClient(Vertx vertx, BenchMessageHandling handling, OpenConsultations consultations,
                             AcknowledgementGate gate, BrokerSettings settings) {
        this.vertx = vertx;
        this.handling = handling;
        this.consultations = consultations;
        this.gate = gate;
        this.settings = settings;
        consultations.whenChanged(municipality -> vertx.runOnContext(v -> announce(consultations.benchesIn(municipality))));
    }

    @Override
    public void start() {
        running = true;
        vertx.runOnContext(v -> connect());
        windowTimer = vertx.setPeriodic(BenchEndpoint.WINDOW_CHECK_MILLIS, id -> announce(consultations.benches()));
        try {
            subscribed.get(30, TimeUnit.SECONDS);
            log.info("Bench bridge subscribed at {}:{} as {} in share group {}", settings.host(), settings.port(),
                    settings.clientId(), settings.shareGroup());
        } catch (Exception e) {
            log.warn("The MQTT broker at {}:{} is not reachable yet; the bridge keeps trying every {}",
                    settings.host(), settings.port(), settings.reconnectDelay());
        }
    }

    @Override
    public String describe() {
        return "broker " + settings.host() + ":" + settings.port() + " as " + settings.clientId()
                + " (shared subscription $share/" + settings.shareGroup() + "/benches/+/...)";
    }

    /** Completes once the bridge is connected and subscribed (again, after a reconnection). */
    public CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    private void connect() {
        if (!running) {
            return;
        }
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(settings.clientId())
                .setCleanSession(false)
                .setAutoAck(false)
                .setAutoKeepAlive(true)
                .setMaxInflightQueue(100)
                .setMaxMessageSize(MAX_PACKET_BYTES);
        if (settings.username() != null && !settings.username().isBlank()) {
            options.setUsername(settings.username()).setPassword(settings.password());
        }
        MqttClient connection = MqttClient.create(vertx, options);
        Deliveries deliveries = new Deliveries(vertx, handling, gate, new Deliveries.Connection() {
            @Override
            public void acknowledge(MqttPublishMessage message) {
                message.ack();
            }

            @Override
            public void reject(Outcome outcome) {
                connection.publish(BenchTopics.rejections(outcome.benchId()), BenchTopics.rejection(outcome),
                        MqttQoS.AT_LEAST_ONCE, false, false)
                        .onFailure(e -> log.debug("A rejection for {} was not published: {}", outcome.benchId(),
                                e.getMessage()));
            }

            @Override
            public void drop() {
                // not stored, or not known to be: the broker delivers it again to this session
                connection.disconnect();
            }
        });
        connection.publishHandler(deliveries::received);
        connection.closeHandler(v -> {
            if (client == connection) {
                client = null;
                subscribed = new CompletableFuture<>();
                if (running) {
                    log.info("Connection to the MQTT broker closed; reconnecting as {} in {}", settings.clientId(),
                            settings.reconnectDelay());
                }
            }
            reconnectLater();
        });
        connection.connect(settings.port(), settings.host())
                .compose(connack -> connection.subscribe(settings.subscriptions().stream()
                        .collect(Collectors.toMap(filter -> filter, filter -> MqttQoS.AT_LEAST_ONCE.value()))))
                .onSuccess(packetId -> {
                    log.debug("Subscribed at the MQTT broker as {}", settings.clientId());
                    client = connection;
                    lastNotice.clear();
                    announce(consultations.benches());
                    subscribed.complete(null);
                })
                .onFailure(e -> {
                    log.debug("Connecting to the MQTT broker failed: {}", e.getMessage());
                    if (connection.isConnected()) {
                        connection.disconnect();
                    } else {
                        reconnectLater();
                    }
                });
    }

    private void reconnectLater() {
        if (running) {
            vertx.setTimer(Math.max(1, settings.reconnectDelay().toMillis()), id -> connect());
        }
    }

    /**
     * Publishes, retained, each bench's open consultations where they changed since last published. At
     * QoS 0: the broker keeps the retained message either way, a thousand benches would overflow the
     * client's window of unacknowledged QoS 1 messages, and after a lost connection all are published again.
     */
    private void announce(java.util.List<String> benches) {
        MqttClient connection = client;
        if (connection == null) {
            return;
        }
        for (String benchId : benches) {
            consultations.municipalityOf(benchId).ifPresent(municipality -> {
                String text = consultations.noticeFor(benchId, municipality);
                if (!text.equals(lastNotice.put(benchId, text))) {
                    connection.publish(BenchTopics.consultations(benchId), Buffer.buffer(text), MqttQoS.AT_MOST_ONCE,
                            false, true);
                }
            });
        }
    }

    @Override
    public void stop() {
        running = false;
        if (windowTimer >= 0) {
            vertx.cancelTimer(windowTimer);
        }
        MqttClient connection = client;
        if (connection != null && connection.isConnected()) {
            try {
                connection.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("Disconnecting from the MQTT broker: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
