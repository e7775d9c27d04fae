package org.civicledger.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicledger.bench.message.Outcome;
import org.civicledger.bench.mqtt.AcknowledgementGate;
import org.springframework.stereotype.Component;

/**
 * In every test system: for a message id a test names with {@link #once}, the bridge stores the event
 * and then "crashes" before acknowledging — the connection drops and no PUBACK is sent — once.
 */
@Component
class CrashBeforeAcknowledgement implements AcknowledgementGate {

    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

    static void once(String messageId) {
        ARMED.add(messageId);
    }

    @Override
    public boolean proceed(Outcome outcome) {
        return outcome.kind() != Outcome.Kind.STORED || !ARMED.remove(outcome.messageId());
    }
}
