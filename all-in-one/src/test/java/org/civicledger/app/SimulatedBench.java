package org.civicledger.app;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.civicledger.bench.simulator.BenchSigner;

/** A bench as the contract describes it: an Ed25519 key, signed JWS payloads, MQTT at QoS 1. */
final class SimulatedBench implements AutoCloseable {

    final String benchId;
    private final BenchSigner signer;
    private final Vertx vertx = Vertx.vertx();
    private MqttClient client;
    /** Completes when the current connection is lost: no PUBACK is coming for what is still in flight. */
    private volatile CompletableFuture<Void> lost = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Void>> acknowledgements = new ConcurrentHashMap<>();
    final List<String> rejections = new CopyOnWriteArrayList<>();
    /** Every message received on the consultations topic, with its retain flag. */
    final List<Map.Entry<String, Boolean>> consultations = new CopyOnWriteArrayList<>();

    SimulatedBench(String benchId) {
        this.benchId = benchId;
        this.signer = BenchSigner.withNewKey(benchId);
    }

    private MqttClient newClient() {
        MqttClient created = MqttClient.create(vertx, new MqttClientOptions().setClientId(benchId).setAutoKeepAlive(true)
                .setMaxInflightQueue(100));
        created.publishCompletionHandler(id -> acknowledgements.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null));
        created.publishHandler(message -> {
            String text = message.payload().toString(StandardCharsets.UTF_8);
            if (message.topicName().endsWith("/consultations")) {
                consultations.add(Map.entry(text, message.isRetain()));
            } else {
                rejections.add(text);
            }
        });
        CompletableFuture<Void> connectionLost = new CompletableFuture<>();
        lost = connectionLost;
        created.closeHandler(v -> connectionLost.complete(null));
        return created;
    }

    String publicKey() {
        return signer.publicKey();
    }

    /** Connects (again) to an MQTT endpoint or broker on this machine. */
    SimulatedBench connect(int port) throws Exception {
        if (client != null && client.isConnected()) {
            client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        acknowledgements.clear();
        client = newClient();
        client.connect(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.subscribe("benches/" + benchId + "/rejections", 1).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return this;
    }

    void followConsultations() throws Exception {
        client.subscribe("benches/" + benchId + "/consultations", 1).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** A message signed with the bench's key, as the contract says. */
    String message(String messageId, Map<String, Object> fields) {
        return signer.sign(messageId, fields);
    }

    /** The same message signed with a key the bench never registered: what a forger would send. */
    String forged(String messageId, Map<String, Object> fields) {
        return signer.signAs(BenchSigner.newKey(), messageId, fields);
    }

    /** Publishes at QoS 1 and waits for the PUBACK; false if the connection was lost first or none came in time. */
    boolean publish(String kind, String jws) throws Exception {
        return publish(kind, jws, false);
    }

    /** The same, sent again as a bench does after a lost connection: with the DUP flag. */
    boolean publishAgain(String kind, String jws) throws Exception {
        return publish(kind, jws, true);
    }

    private boolean publish(String kind, String jws, boolean again) throws Exception {
        CompletableFuture<Void> connectionLost = lost;
        int packetId = client.publish("benches/" + benchId + "/" + kind, Buffer.buffer(jws), MqttQoS.AT_LEAST_ONCE,
                again, false).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            Object first = CompletableFuture.anyOf(acknowledgements.computeIfAbsent(packetId, k -> new CompletableFuture<>()),
                    connectionLost.thenApply(v -> "lost")).get(15, TimeUnit.SECONDS);
            return !"lost".equals(first);
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } finally {
            acknowledgements.remove(packetId);
        }
    }

    /** Publishes all at QoS 1 without waiting in between, then waits for every PUBACK; true if all came. */
    boolean publishAll(String kind, List<String> jwsList) throws Exception {
        List<CompletableFuture<Integer>> sent = new java.util.ArrayList<>();
        for (String jws : jwsList) {
            sent.add(client.publish("benches/" + benchId + "/" + kind, Buffer.buffer(jws), MqttQoS.AT_LEAST_ONCE, false,
                    false).toCompletionStage().toCompletableFuture());
        }
        for (CompletableFuture<Integer> packet : sent) {
            int packetId = packet.get(10, TimeUnit.SECONDS);
            acknowledgements.computeIfAbsent(packetId, k -> new CompletableFuture<>()).get(15, TimeUnit.SECONDS);
            acknowledgements.remove(packetId);
        }
        return true;
    }

    /** Whether the current connection is still up. */
    boolean connected() {
        return client != null && client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client != null && client.isConnected()) {
                client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // closing anyway
        }
        vertx.close();
    }

}
