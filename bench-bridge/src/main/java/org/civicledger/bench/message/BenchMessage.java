package org.civicledger.bench.message;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified message from a bench (contract section 4): signed by the bench's current key, for the
 * bench of its topic, well-formed and timely. What it carries depends on its kind.
 */
public sealed interface BenchMessage {

    UUID messageId();

    String benchId();

    Instant sentAt();

    /** A citizen's idea left on the bench's touch screen. */
    record Idea(UUID messageId, String benchId, Instant sentAt, String municipalityId, String topic, String title,
                String description, String language, String localCommunity) implements BenchMessage {
    }

    /** An anonymous answer to an open consultation; {@code municipalityId} is where the bench stands. */
    record Opinion(UUID messageId, String benchId, Instant sentAt, String municipalityId, UUID consultationId,
                   String optionId)
            implements BenchMessage {
    }

    /** How the bench is doing. */
    record Telemetry(UUID messageId, String benchId, Instant sentAt, double batteryPercent, double solarWatts,
                     int wifiClients, int chargingSessions, double temperatureCelsius) implements BenchMessage {
    }

    /** A change of the bench's state. */
    record Status(UUID messageId, String benchId, Instant sentAt, String state) implements BenchMessage {
    }
}
