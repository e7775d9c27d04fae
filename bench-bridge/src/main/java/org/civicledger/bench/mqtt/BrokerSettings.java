package org.civicledger.bench.mqtt;

import java.time.Duration;

/**
 * How the bridge reaches an MQTT broker in broker mode ({@code civic.bench.mqtt.mode=broker}).
 *
 * @param clientId    stable per bridge instance: the broker keeps this instance's session (its
 *                    subscriptions and unacknowledged messages) while it is away
 * @param shareGroup  the shared-subscription group all bridge instances join, so each bench message
 *                    goes to one of them
 */
public record BrokerSettings(String host, int port, String clientId, String shareGroup, String username,
                             String password, Duration reconnectDelay) {

    public BrokerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("civic.bench.mqtt.broker.host is required in broker mode");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("civic.bench.mqtt.broker.client-id must not be blank");
        }
        if (shareGroup == null || !shareGroup.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("civic.bench.mqtt.broker.share-group must be letters, digits, - and _");
        }
    }

    /** The filters the bridge subscribes to: {@code $share/<group>/benches/+/<kind>}. */
    java.util.List<String> subscriptions() {
        return org.civicledger.bench.message.BenchMessageReader.KINDS.stream()
                .map(kind -> "$share/" + shareGroup + "/benches/+/" + kind).toList();
    }
}
