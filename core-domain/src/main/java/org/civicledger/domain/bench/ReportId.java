package org.civicledger.domain.bench;

import java.util.UUID;

/** One bench message is one report: {@code bench-report-<messageId>}, so a redelivered message is the same report. */
public record ReportId(UUID messageId) {

    @Override
    public String toString() {
        return "bench-report-" + messageId;
    }
}
