package org.civicledger.app;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A bench as the contract describes it: an Ed25519 key, signed JWS payloads, MQTT at QoS 1. */
final class SimulatedBench implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String benchId;
    final KeyPair key;
    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    private final Map<Integer, CompletableFuture<Void>> acknowledgements = new ConcurrentHashMap<>();
    final List<String> rejections = new CopyOnWriteArrayList<>();
    /** Every message received on the consultations topic, with its retain flag. */
    final List<Map.Entry<String, Boolean>> consultations = new CopyOnWriteArrayList<>();

    SimulatedBench(String benchId) {
        this.benchId = benchId;
        this.key = newKey();
        this.client = MqttClient.create(vertx, new MqttClientOptions().setClientId(benchId).setAutoKeepAlive(true)
                .setMaxInflightQueue(100));
        client.publishCompletionHandler(id -> acknowledgements.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null));
        client.publishHandler(message -> {
            String text = message.payload().toString(StandardCharsets.UTF_8);
            if (message.topicName().endsWith("/consultations")) {
                consultations.add(Map.entry(text, message.isRetain()));
            } else {
                rejections.add(text);
            }
        });
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKey() {
        byte[] spki = key.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    SimulatedBench connect(int port) throws Exception {
        client.connect(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.subscribe("benches/" + benchId + "/rejections", 1).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return this;
    }

    void followConsultations() throws Exception {
        client.subscribe("benches/" + benchId + "/consultations", 1).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** A signed payload for {@code kind}, with the contract's common fields. */
    String message(KeyPair signer, String messageId, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("messageId", messageId);
        payload.putIfAbsent("benchId", benchId);
        payload.putIfAbsent("sentAt", Instant.now().toString());
        try {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String input = url.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "EdDSA", "kid", benchId))) + "."
                    + url.encodeToString(JSON.writeValueAsBytes(payload));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signer.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + url.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes at QoS 1 and waits for the PUBACK; false if none came within the time. */
    boolean publish(String kind, String jws) throws Exception {
        int packetId = client.publish("benches/" + benchId + "/" + kind, Buffer.buffer(jws), MqttQoS.AT_LEAST_ONCE,
                false, false).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            acknowledgements.computeIfAbsent(packetId, k -> new CompletableFuture<>()).get(15, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } finally {
            acknowledgements.remove(packetId);
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        vertx.close();
    }

    static Set<String> kinds() {
        return Set.of("ideas", "opinions", "telemetry", "status");
    }
}
