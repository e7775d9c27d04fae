package org.civicledger.bench.mqtt;

/** MQTT topic filters (MQTT 3.1.1 section 4.7): {@code +} matches one level, a final {@code #} the rest. */
final class TopicFilters {

    private TopicFilters() {
    }

    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return i == f.length - 1;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
