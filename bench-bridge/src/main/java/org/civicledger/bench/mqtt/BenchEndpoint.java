package org.civicledger.bench.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.civicledger.bench.consultation.OpenConsultations;
import org.civicledger.bench.message.BenchMessageHandling;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.bench.message.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded MQTT endpoint benches connect to directly (Vert.x {@code MqttServer}, MQTT 3.1.1 and 5).
 * It is an endpoint, not a broker: each PUBLISH is handled here, and acknowledged (PUBACK, or PUBREC
 * for QoS 2) only once its event is stored or known to be stored. A message that could not be
 * stored is not acknowledged and the connection is closed, so the bench sends it again.
 */
public class BenchEndpoint implements SmartLifecycle, BenchTransport {

    private static final Logger log = LoggerFactory.getLogger(BenchEndpoint.class);

    /** How often the consultations shown on benches are checked against their windows. */
    static final long WINDOW_CHECK_MILLIS = 30_000;

    private final Vertx vertx;
    private final BenchMessageHandling handling;
    private final OpenConsultations consultations;
    private final BenchRegistry benches;
    private final AcknowledgementGate gate;
    private final String host;
    private final int port;
    /** Connections that follow a bench's consultations topic, with that bench and what it was last sent. */
    private final Map<MqttEndpoint, Follower> followers = new ConcurrentHashMap<>();
    private MqttServer server;
    private volatile boolean running;

    private static final class Follower {
        final String benchId;
        final String municipalityId;
        volatile String lastSent;

        Follower(String benchId, String municipalityId) {
            this.benchId = benchId;
            this.municipalityId = municipalityId;
        }
    }

    public BenchEndpoint(Vertx vertx, BenchMessageHandling handling, OpenConsultations consultations,
                         BenchRegistry benches, AcknowledgementGate gate, String host, int port) {
        this.vertx = vertx;
        this.handling = handling;
        this.consultations = consultations;
        this.benches = benches;
        this.gate = gate;
        this.host = host;
        this.port = port;
        consultations.whenChanged(municipality -> vertx.runOnContext(v -> refresh(municipality)));
    }

    @Override
    public void start() {
        MqttServerOptions options = new MqttServerOptions().setHost(host).setPort(port)
                .setMaxMessageSize(MAX_PACKET_BYTES);
        server = MqttServer.create(vertx, options).endpointHandler(this::connected);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The bench MQTT endpoint cannot listen on " + host + ":" + port
                    + " (is another MQTT broker using it? set civic.bench.mqtt.port)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        running = true;
        vertx.setPeriodic(WINDOW_CHECK_MILLIS, id -> followers.values().stream().map(f -> f.municipalityId).distinct()
                .forEach(this::refresh));
        log.info("Bench MQTT endpoint listening on {}:{}", host, server.actualPort());
    }

    @Override
    public String describe() {
        return "port " + port() + " (embedded endpoint; benches connect here)";
    }

    /** The port benches connect to (the actual one when 0 was configured). */
    public int port() {
        return server == null ? port : server.actualPort();
    }

    private void connected(MqttEndpoint endpoint) {
        Set<String> subscriptions = new CopyOnWriteArraySet<>();
        endpoint.publishAutoAck(false);
        endpoint.subscribeHandler(subscribe -> {
            List<MqttQoS> granted = subscribe.topicSubscriptions().stream().map(s -> {
                subscriptions.add(s.topicName());
                return s.qualityOfService() == MqttQoS.EXACTLY_ONCE ? MqttQoS.AT_LEAST_ONCE : s.qualityOfService();
            }).toList();
            endpoint.subscribeAcknowledge(subscribe.messageId(), granted);
            subscribe.topicSubscriptions().forEach(s -> follow(endpoint, s.topicName()));
        });
        endpoint.closeHandler(v -> followers.remove(endpoint));
        endpoint.unsubscribeHandler(unsubscribe -> {
            unsubscribe.topics().forEach(subscriptions::remove);
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        });
        Deliveries deliveries = new Deliveries(vertx, handling, gate, new Deliveries.Connection() {
            @Override
            public void acknowledge(MqttPublishMessage message) {
                if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                    endpoint.publishAcknowledge(message.messageId());
                } else if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
                    endpoint.publishReceived(message.messageId());
                }
            }

            @Override
            public void reject(Outcome outcome) {
                String topic = BenchTopics.rejections(outcome.benchId());
                if (subscriptions.stream().anyMatch(filter -> TopicFilters.matches(filter, topic))) {
                    endpoint.publish(topic, BenchTopics.rejection(outcome), MqttQoS.AT_LEAST_ONCE, false, false);
                }
            }

            @Override
            public void drop() {
                endpoint.close();
            }
        });
        endpoint.publishHandler(deliveries::received);
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.exceptionHandler(e -> log.debug("Bench connection {} failed: {}", endpoint.clientIdentifier(), e.getMessage()));
        endpoint.accept(false, connackProperties(endpoint));
    }

    /** MQTT 5: the largest packet this endpoint reads, so that the bench's client refuses a larger one itself. */
    private static MqttProperties connackProperties(MqttEndpoint endpoint) {
        MqttProperties properties = new MqttProperties();
        if (endpoint.protocolVersion() == MqttVersion.MQTT_5.protocolLevel()) {
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE.value(),
                    MAX_PACKET_BYTES));
        }
        return properties;
    }

    /** A subscription to {@code benches/{benchId}/consultations}: send what is open now, as a retained message. */
    private void follow(MqttEndpoint endpoint, String filter) {
        String[] parts = filter.split("/");
        if (parts.length != 3 || !"benches".equals(parts[0]) || !"consultations".equals(parts[2])) {
            return;
        }
        vertx.executeBlocking(() -> {
            try {
                return benches.standingOf(new BenchId(parts[1])).map(BenchStanding::municipalityId).orElse(null);
            } catch (RuntimeException unknown) {
                return null;
            }
        }).onSuccess(municipality -> {
            if (municipality != null) {
                Follower follower = new Follower(parts[1], municipality);
                followers.put(endpoint, follower);
                send(endpoint, follower);
            }
        });
    }

    private void refresh(String municipalityId) {
        followers.forEach((endpoint, follower) -> {
            if (follower.municipalityId.equals(municipalityId)) {
                send(endpoint, follower);
            }
        });
    }

    /** The open consultations of the bench's municipality, sent when they differ from what the bench last got. */
    private void send(MqttEndpoint endpoint, Follower follower) {
        String text = consultations.noticeFor(follower.benchId, follower.municipalityId);
        if (text.equals(follower.lastSent) || !endpoint.isConnected()) {
            return;
        }
        follower.lastSent = text;
        endpoint.publish(BenchTopics.consultations(follower.benchId), Buffer.buffer(text), MqttQoS.AT_LEAST_ONCE,
                false, true);
    }

    @Override
    public void stop() {
        running = false;
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("Closing the bench MQTT endpoint: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
