package org.civicledger.bench.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchStanding;
import org.civicledger.domain.bench.BenchStatus;
import org.civicledger.domain.consultation.GiveBenchOpinion;
import org.civicledger.domain.shared.NotPermitted;
import org.junit.jupiter.api.Test;

/** How the refusals of the domain reach a bench: each one a reason, acknowledged, never a dropped connection. */
class BenchMessageHandlingTest {

    private final KeyPair key = BenchMessageReaderTest.ed25519();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final Clock clock = Clock.fixed(BenchMessageReaderTest.NOW, ZoneOffset.UTC);
    private final BenchMessageHandling handling = new BenchMessageHandling(
            new BenchMessageReader((BenchRegistry) id -> Optional.of(new BenchStanding("zepce", BenchStatus.COMMISSIONED,
                    BenchMessageReaderTest.raw(key), 1, null)), clock, Duration.ofDays(7)),
            DefaultCommandGateway.builder().commandBus(bus).build(), clock, new BenchRateLimit(120, clock),
            new SimpleMeterRegistry());

    private Outcome opinion() {
        String jws = BenchMessageReaderTest.sign(key, BenchMessageReaderTest.header("bench-zepce"),
                BenchMessageReaderTest.message("bench-zepce", Map.of("consultationId", UUID.randomUUID().toString(),
                        "optionId", "da")));
        return handling.handle("benches/bench-zepce/opinions", jws.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anOpinionCarriesTheMunicipalityTheBenchStandsIn() {
        AtomicReference<GiveBenchOpinion> sent = new AtomicReference<>();
        bus.subscribe(GiveBenchOpinion.class.getName(), command -> {
            sent.set((GiveBenchOpinion) command.getPayload());
            return true;
        });

        assertThat(opinion().kind()).isEqualTo(Outcome.Kind.STORED);
        assertThat(sent.get().benchMunicipality().slug()).isEqualTo("zepce");
    }

    @Test
    void anOpinionTheDomainDoesNotPermitIsNotAcceptedAndAcknowledged() {
        bus.subscribe(GiveBenchOpinion.class.getName(), command -> {
            throw new NotPermitted("The bench stands in zepce; the consultation asks the people of maglaj");
        });

        Outcome outcome = opinion();

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(outcome.reason()).isEqualTo(Rejection.NOT_ACCEPTED);
        assertThat(outcome.acknowledge()).as("sending it again cannot help").isTrue();
    }
}
