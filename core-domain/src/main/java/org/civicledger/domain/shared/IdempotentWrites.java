package org.civicledger.domain.shared;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * A write that may be sent more than once and must be stored once — a bench message, delivered again
 * by MQTT — carries an idempotency key in its command's metadata ({@value #KEY}); the events it causes
 * inherit the key (a correlation data provider), and an engine that can absorb a retried append does
 * so by it (KurrentDB derives the record ids from it). PostgreSQL refuses the second append by its
 * unique key instead; either way one copy is stored.
 */
public final class IdempotentWrites {

    public static final String KEY = "idempotencyKey";

    private IdempotentWrites() {
    }

    /** {@code command}, marked as the write named {@code key} (for example {@code bench-message:<messageId>}). */
    public static CommandMessage<?> keyed(Object command, String key) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(KEY, key));
    }
}
