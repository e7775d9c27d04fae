package org.civicledger.bench;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.civicledger.bench.consultation.OpenConsultations;
import org.civicledger.bench.message.BenchMessageHandling;
import org.civicledger.bench.message.BenchMessageReader;
import org.civicledger.bench.message.BenchRateLimit;
import org.civicledger.bench.message.KnownBenches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.civicledger.bench.mqtt.AcknowledgementGate;
import org.civicledger.bench.mqtt.BenchBrokerClient;
import org.civicledger.bench.mqtt.BenchEndpoint;
import org.civicledger.bench.mqtt.BenchTransport;
import org.civicledger.bench.mqtt.BrokerSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.civicledger.domain.bench.BenchRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bench bridge: verifies and turns bench messages into commands ({@link BenchMessageHandling}),
 * and, unless {@code civic.bench.mqtt.enabled=false}, either listens for benches on the embedded MQTT
 * endpoint ({@code civic.bench.mqtt.mode=endpoint}, the default; {@code civic.bench.mqtt.host},
 * {@code civic.bench.mqtt.port}, 1883 by default) or subscribes to them at an MQTT broker
 * ({@code civic.bench.mqtt.mode=broker}; {@code civic.bench.mqtt.broker.*}).
 */
@Configuration(proxyBeanMethods = false)
public class BenchBridgeConfiguration {

    @Bean
    KnownBenches knownBenches(BenchRegistry benches) {
        return new KnownBenches(benches);
    }

    @Bean
    BenchMessageReader benchMessageReader(KnownBenches benches, Clock clock,
                                          @Value("${civic.bench.offline-window:P7D}") Duration offlineWindow) {
        return new BenchMessageReader(benches::standingOf, clock, offlineWindow);
    }

    @Bean
    BenchRateLimit benchRateLimit(@Value("${civic.bench.rate-limit.per-minute:120}") int perMinute, Clock clock) {
        return new BenchRateLimit(perMinute, clock);
    }

    @Bean
    BenchMessageHandling benchMessageHandling(BenchMessageReader reader, CommandGateway commands, Clock clock,
                                              BenchRateLimit rateLimit, ObjectProvider<MeterRegistry> meters) {
        return new BenchMessageHandling(reader, commands, clock, rateLimit,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OpenConsultations openConsultations(Clock clock, org.civicledger.domain.shared.TextVault texts) {
        return new OpenConsultations(clock, texts);
    }

    /**
     * The bridge's view of open consultations lives in memory, so its position does too: rebuilt at each start. It
     * keeps nothing in a database, so it takes the events in large batches with no transaction around them: the
     * four kinds it follows are few among the events, and a per-event unit of work and commit would cost more than
     * reading them (at a million events, the better part of a minute on two cores).
     */
    @Bean
    ConfigurerModule openConsultationsFromTheFirstEvent() {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(OpenConsultations.PROCESSING_GROUP, c -> new InMemoryTokenStore())
                .registerTransactionManager(OpenConsultations.PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE)
                .registerTrackingEventProcessorConfiguration(OpenConsultations.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1024));
    }

    /** Checked at start: a misspelt mode fails loudly instead of leaving benches unheard. */
    @Bean
    BenchTransport.Mode benchMqttMode(@Value("${civic.bench.mqtt.mode:endpoint}") String mode) {
        return BenchTransport.Mode.of(mode);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "civic.bench.mqtt.enabled", havingValue = "true", matchIfMissing = true)
    Vertx benchVertx() {
        return Vertx.vertx();
    }

    /** Benches connect to this process (the default run). */
    @Bean
    @ConditionalOnExpression("${civic.bench.mqtt.enabled:true} and '${civic.bench.mqtt.mode:endpoint}' == 'endpoint'")
    BenchEndpoint benchEndpoint(Vertx benchVertx, BenchMessageHandling handling, OpenConsultations consultations,
                                KnownBenches benches, ObjectProvider<AcknowledgementGate> gate,
                                @Value("${civic.bench.mqtt.host:0.0.0.0}") String host,
                                @Value("${civic.bench.mqtt.port:1883}") int port) {
        return new BenchEndpoint(benchVertx, handling, consultations, benches::standingOf,
                gate.getIfAvailable(() -> AcknowledgementGate.OPEN), host, port);
    }

    /** Benches publish to an MQTT broker; this process subscribes there with its bridge siblings. */
    @Bean
    @ConditionalOnExpression("${civic.bench.mqtt.enabled:true} and '${civic.bench.mqtt.mode:endpoint}' == 'broker'")
    BenchBrokerClient benchBrokerClient(Vertx benchVertx, BenchMessageHandling handling, OpenConsultations consultations,
                                        ObjectProvider<AcknowledgementGate> gate,
                                        @Value("${civic.bench.mqtt.broker.host:}") String host,
                                        @Value("${civic.bench.mqtt.broker.port:1883}") int port,
                                        @Value("${civic.bench.mqtt.broker.client-id:civic-ledger-bridge}") String clientId,
                                        @Value("${civic.bench.mqtt.broker.share-group:civic-ledger}") String shareGroup,
                                        @Value("${civic.bench.mqtt.broker.username:}") String username,
                                        @Value("${civic.bench.mqtt.broker.password:}") String password,
                                        @Value("${civic.bench.mqtt.broker.reconnect-delay:PT2S}") Duration reconnect) {
        return new BenchBrokerClient(benchVertx, handling, consultations, gate.getIfAvailable(() -> AcknowledgementGate.OPEN),
                new BrokerSettings(host, port, clientId, shareGroup, username, password, reconnect));
    }
}
