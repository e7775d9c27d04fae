package org.civicledger.bench.mqtt;

import io.vertx.core.Vertx;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import org.civicledger.bench.message.BenchMessageHandling;
import org.civicledger.bench.message.Outcome;

/**
 * The messages of one MQTT connection, whichever side opened it: handled concurrently, acknowledged
 * in the order they arrived (as MQTT asks of PUBACKs), and only once handled. The first message that
 * could not be stored (or that a test's {@link AcknowledgementGate} holds back) drops the connection
 * with it and everything after it unacknowledged, so all of them are delivered again. Used only on
 * the connection's Vert.x context.
 */
final class Deliveries {

    /** What acknowledging, rejecting and dropping mean on this connection. */
    interface Connection {
        void acknowledge(MqttPublishMessage message);

        void reject(Outcome outcome);

        void drop();
    }

    private static final class Slot {
        final MqttPublishMessage message;
        Outcome outcome;
        boolean done;

        Slot(MqttPublishMessage message) {
            this.message = message;
        }
    }

    private final Vertx vertx;
    private final BenchMessageHandling handling;
    private final AcknowledgementGate gate;
    private final Connection connection;
    private final Deque<Slot> slots = new ArrayDeque<>();
    private boolean dropped;

    Deliveries(Vertx vertx, BenchMessageHandling handling, AcknowledgementGate gate, Connection connection) {
        this.vertx = vertx;
        this.handling = handling;
        this.gate = gate;
        this.connection = connection;
    }

    void received(MqttPublishMessage message) {
        if (dropped) {
            return;
        }
        Slot slot = new Slot(message);
        slots.add(slot);
        String topic = message.topicName();
        byte[] payload = message.payload().getBytes();
        vertx.executeBlocking(() -> handling.handle(topic, payload), false).onComplete(done -> {
            slot.outcome = done.succeeded() ? done.result() : null;
            slot.done = true;
            flush();
        });
    }

    private void flush() {
        while (!dropped && !slots.isEmpty() && slots.peek().done) {
            Slot slot = slots.poll();
            Outcome outcome = slot.outcome;
            if (outcome == null || !outcome.acknowledge() || !gate.proceed(outcome)) {
                dropped = true;
                slots.clear();
                connection.drop(); // not stored, or not known to be: delivered again on the next connection
                return;
            }
            connection.acknowledge(slot.message);
            if (outcome.kind() == Outcome.Kind.REJECTED && outcome.benchId() != null) {
                connection.reject(outcome);
            }
        }
    }
}
