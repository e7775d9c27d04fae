package org.civicledger.app;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT broker of the broker-mode suites: this machine's broker when {@code civic.test.mqtt-broker}
 * names one ({@code host:port}, the machine-services profile: Mosquitto), otherwise an embedded HiveMQ
 * Community Edition on a free loopback port, in memory, with its usage statistics off.
 */
final class TestBroker implements AutoCloseable {

    final String host;
    final int port;
    private final EmbeddedHiveMQ hivemq;

    private TestBroker(String host, int port, EmbeddedHiveMQ hivemq) {
        this.host = host;
        this.port = port;
        this.hivemq = hivemq;
    }

    static TestBroker start() throws Exception {
        String configured = System.getProperty("civic.test.mqtt-broker", "");
        if (!configured.isBlank()) {
            String[] hostPort = configured.split(":");
            return new TestBroker(hostPort[0], Integer.parseInt(hostPort[1]), null);
        }
        int port = FreePorts.any();
        Path home = Files.createTempDirectory("civic-ledger-hivemq-");
        Path config = Files.createDirectories(home.resolve("conf"));
        Files.writeString(config.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(config)
                .withDataFolder(Files.createDirectories(home.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                .build();
        hivemq.start().get(60, TimeUnit.SECONDS);
        return new TestBroker("127.0.0.1", port, hivemq);
    }

    /**
     * Whether the broker deals a shared subscription's messages to its members in turn (Mosquitto does);
     * HiveMQ gives a subscriber with room all it can take, so a fast one may get everything.
     */
    boolean alternates() {
        return hivemq == null;
    }

    /** The settings that put a system in broker mode against this broker, as bridge instance {@code clientId}. */
    String[] bridgeSettings(String clientId, String shareGroup) {
        return new String[] {"--civic.bench.mqtt.mode=broker", "--civic.bench.mqtt.broker.host=" + host,
            "--civic.bench.mqtt.broker.port=" + port, "--civic.bench.mqtt.broker.client-id=" + clientId,
            "--civic.bench.mqtt.broker.share-group=" + shareGroup, "--civic.bench.mqtt.broker.reconnect-delay=PT0.5S"};
    }

    /**
     * Leaves a shared broker as it was found: the bridges' persistent sessions ended (a clean-session
     * connection under each client id) and the benches' retained messages cleared.
     */
    void forget(java.util.List<String> clientIds, java.util.List<String> retainedTopics) {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            for (String clientId : clientIds) {
                io.vertx.mqtt.MqttClient client = io.vertx.mqtt.MqttClient.create(vertx,
                        new io.vertx.mqtt.MqttClientOptions().setClientId(clientId).setCleanSession(true));
                client.connect(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                if (clientId.equals(clientIds.get(0))) {
                    for (String topic : retainedTopics) {
                        client.publish(topic, io.vertx.core.buffer.Buffer.buffer(), io.netty.handler.codec.mqtt.MqttQoS.AT_LEAST_ONCE,
                                false, true).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                    }
                }
                client.disconnect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("Could not tidy the test broker: " + e.getMessage());
        } finally {
            vertx.close();
        }
    }

    @Override
    public void close() throws Exception {
        if (hivemq != null) {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        }
    }
}
