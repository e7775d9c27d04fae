package org.civicledger.bench.mqtt;

/** How benches reach this bridge: the embedded endpoint or a broker ({@code civic.bench.mqtt.mode}). */
public interface BenchTransport {

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
