package org.civicledger.command.municipality;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.RegisterMunicipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the municipalities listed under {@code civic.seed.municipalities} at start. Registering
 * is idempotent in the aggregate, so a restart, or two instances starting together, register each
 * municipality once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MunicipalitySeed.Settings.class)
public class MunicipalitySeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MunicipalitySeed.class);

    private final CommandGateway commands;
    private final Settings settings;

    MunicipalitySeed(CommandGateway commands, Settings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    @ConfigurationProperties("civic.seed")
    record Settings(List<Entry> municipalities) {
        Settings {
            municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        }
    }

    /** One municipality: its slug and display name in the local language. */
    record Entry(String id, String name) {
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Entry entry : settings.municipalities()) {
            try {
                commands.sendAndWait(new RegisterMunicipality(new MunicipalityId(entry.id()), entry.name()));
            } catch (AggregateStreamCreationException | ConcurrencyException raced) {
                log.debug("Municipality {} was registered concurrently by another instance", entry.id());
            }
        }
        log.info("{} municipalities in the seed are registered", settings.municipalities().size());
    }
}
