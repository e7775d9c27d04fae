package org.civicledger.domain.cso;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/**
 * Registers a CSO together with the claim on its registration number, in one unit of work: both
 * streams are created in one transaction, so a second CSO with the same number is refused even
 * when both arrive at the same instant on different instances.
 */
public class CsoRegistrar {

    private final Repository<Cso> csos;
    private final Repository<RegistrationNumberClaim> claims;

    public CsoRegistrar(Repository<Cso> csos, Repository<RegistrationNumberClaim> claims) {
        this.csos = csos;
        this.claims = claims;
    }

    @CommandHandler
    public String handle(RegisterCso command, MunicipalityRegistry municipalities, TextVault vault) throws Exception {
        for (MunicipalityId municipality : command.municipalityIds()) {
            if (!municipalities.isRegistered(municipality)) {
                throw new InvalidField("municipalityIds", "no municipality '" + municipality.slug() + "' is registered");
            }
        }
        String claim = RegistrationNumberClaim.streamOf(command.registrationNumber());
        try {
            claims.load(claim);
            throw new StateConflict("REGISTERED",
                    "A CSO with registration number " + command.registrationNumber().value() + " is already registered");
        } catch (AggregateNotFoundException free) {
            // the number is free: claim it and register the CSO in the same transaction
        }
        claims.newInstance(() -> new RegistrationNumberClaim(command.registrationNumber(), command.csoId()));
        csos.newInstance(() -> new Cso(command, vault));
        return command.csoId().value().toString();
    }
}
