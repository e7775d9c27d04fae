package org.civicledger.bench.mqtt;

/** How benches reach this bridge: the embedded endpoint or a broker ({@code civic.bench.mqtt.mode}). */
public interface BenchTransport {

    /**
     * The largest MQTT packet the bridge reads, four times a message's limit ({@link
     * org.civicledger.bench.message.BenchMessageReader#MAX_BYTES}, 16 KiB). A message between the two is read,
     * acknowledged and refused as {@code TOO_LARGE}, so a bench that made one stops sending it and keeps its
     * connection. Beyond it the MQTT decoder gives up on the connection before any handler runs, as it must:
     * the limit is what keeps one connection from holding an arbitrary amount of memory (the decoder holds a
     * packet whole until it is read). MQTT 5 clients are told it in the CONNACK (Maximum Packet Size) and
     * refuse a larger message themselves; in broker mode the broker's own limit should be set to it.
     */
    int MAX_PACKET_BYTES = 64 * 1024;

    /** One line for the operator: where benches connect. */
    String describe();

    /** The accepted values of {@code civic.bench.mqtt.mode}. */
    enum Mode {
        ENDPOINT, BROKER;

        public static Mode of(String setting) {
            for (Mode mode : values()) {
                if (mode.name().toLowerCase(java.util.Locale.ROOT).equals(setting)) {
                    return mode;
                }
            }
            throw new IllegalStateException("civic.bench.mqtt.mode must be 'endpoint' (benches connect to this process) "
                    + "or 'broker' (the bridge subscribes at civic.bench.mqtt.broker.host), not '" + setting + "'");
        }
    }
}
