package org.civicledger.domain.bench;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** How a bench was doing when it sent the message: battery, solar power, Wi-Fi clients, charging sessions, temperature. */
@Revision("1")
public record BenchTelemetryRecorded(String messageId, String benchId, Instant sentAt, double batteryPercent,
        double solarWatts, int wifiClients, int chargingSessions, double temperatureCelsius) {
}
