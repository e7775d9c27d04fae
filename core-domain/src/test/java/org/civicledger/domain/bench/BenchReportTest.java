package org.civicledger.domain.bench;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.shared.InvalidField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    static final UUID MESSAGE = UUID.fromString("7b0e4c61-54f7-4a2e-9f0c-3c1d2b9b8a01");
    static final BenchId BENCH = new BenchId("bench-mostar-1");
    static final Instant SENT = Instant.parse("2026-05-01T10:00:00Z");
    static final BenchStatusReported REPORTED = new BenchStatusReported(MESSAGE.toString(), BENCH.value(), SENT, "TAMPER");

    private AggregateTestFixture<BenchReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BenchReport.class);
    }

    @Test
    void aStatusMessageIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordBenchStatus(new ReportId(MESSAGE), BENCH, SENT, "TAMPER"))
                .expectEvents(REPORTED);
    }

    @Test
    void aTelemetryMessageIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordBenchTelemetry(new ReportId(MESSAGE), BENCH, SENT, 80, 120.5, 4, 1, 18.0))
                .expectEvents(new BenchTelemetryRecorded(MESSAGE.toString(), BENCH.value(), SENT, 80, 120.5, 4, 1, 18.0));
    }

    @Test
    void anUnknownStateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordBenchStatus(new ReportId(MESSAGE), BENCH, SENT, "ASLEEP"))
                .expectException(InvalidField.class);
    }
}
