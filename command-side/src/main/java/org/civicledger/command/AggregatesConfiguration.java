package org.civicledger.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.AggregateNotFoundException;
import java.time.Clock;
import org.civicledger.domain.bench.Bench;
import org.civicledger.domain.bench.BenchRegistry;
import org.civicledger.domain.bench.BenchReport;
import org.civicledger.domain.consultation.BenchOpinion;
import org.civicledger.domain.consultation.Consultation;
import org.civicledger.domain.consultation.ConsultationAnswer;
import org.civicledger.domain.consultation.ConsultationWindow;
import org.civicledger.domain.cso.Cso;
import org.civicledger.domain.eloge.ElogeAssessment;
import org.civicledger.domain.cso.CsoNetwork;
import org.civicledger.domain.cso.CsoRegistrar;
import org.civicledger.domain.cso.RegistrationNumberClaim;
import org.civicledger.domain.idea.Idea;
import org.civicledger.domain.idea.ValidationQuorum;
import org.civicledger.domain.municipality.Municipality;
import org.civicledger.domain.person.Person;
import org.civicledger.domain.vote.Ballot;
import org.civicledger.domain.idea.IdeaStandings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Registers the domain's aggregates and command handlers with Axon, and answers the domain's ports.
 * The aggregates live in core-domain, which knows no Spring, so they are named here instead of
 * carrying Spring's {@code @Aggregate} stereotype.
 */
@Configuration(proxyBeanMethods = false)
public class AggregatesConfiguration {

    @Bean
    ConfigurerModule civicAggregates() {
        return configurer -> configurer
                .configureAggregate(Municipality.class)
                .configureAggregate(Idea.class)
                .configureAggregate(Ballot.class)
                .configureAggregate(Cso.class)
                .configureAggregate(RegistrationNumberClaim.class)
                .configureAggregate(Person.class)
                .configureAggregate(Consultation.class)
                .configureAggregate(ConsultationAnswer.class)
                .configureAggregate(BenchOpinion.class)
                .configureAggregate(ElogeAssessment.class)
                .configureAggregate(Bench.class)
                .configureAggregate(BenchReport.class)
                .registerCommandHandler(c -> new CsoRegistrar(c.repository(Cso.class),
                        c.repository(RegistrationNumberClaim.class)));
    }

    @Bean
    AggregateReader aggregateReader(@Lazy org.axonframework.config.Configuration axon) {
        return new AggregateReader(axon);
    }

    /** How many CSO endorsements validate an idea ({@code civic.validation.quorum}, default 2). */
    @Bean
    ValidationQuorum validationQuorum(@Value("${civic.validation.quorum:2}") int endorsements) {
        return new ValidationQuorum(endorsements);
    }

    @Bean
    IdeaStandings ideaStandings(AggregateReader reader) {
        return ideaId -> reader.read(Idea.class, ideaId.toString(), Idea::standing)
                .orElseThrow(() -> new AggregateNotFoundException(ideaId.toString(), "No idea " + ideaId.value()));
    }

    @Bean
    ConsultationWindow consultationWindow(AggregateReader reader) {
        return consultationId -> reader.read(Consultation.class, consultationId.toString(), Consultation::standing);
    }

    @Bean
    BenchRegistry benchRegistry(AggregateReader reader) {
        return benchId -> reader.read(Bench.class, benchId.toString(), Bench::standing);
    }

    /** The time commands are judged by; one clock so that tests and replays can reason about it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CsoNetwork csoNetwork(AggregateReader reader) {
        return csoId -> reader.read(Cso.class, csoId.toString(), Cso::standing);
    }
}
