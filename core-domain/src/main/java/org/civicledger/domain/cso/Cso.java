package org.civicledger.domain.cso;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/**
 * A civil-society organisation in the Network for Participatory Democracy. The network coordinator
 * approves or rejects a pending CSO, and may suspend and reinstate an approved one.
 */
public class Cso {

    @AggregateIdentifier
    private CsoId id;
    private CsoStatus status;
    private Set<String> municipalityIds;

    protected Cso() {
        // for Axon
    }

    Cso(RegisterCso command, TextVault vault) {
        apply(new CsoRegistered(command.csoId().value().toString(), command.name(),
                command.registrationNumber().value(),
                command.municipalityIds().stream().map(MunicipalityId::slug).toList(),
                command.focusAreas(), vault.seal(command.contactEmail(), null), List.of(ProtocolPrinciple.values()),
                command.registrant().value()));
    }

    @CommandHandler
    void handle(ApproveCso command) {
        require(CsoStatus.PENDING, "Only a pending CSO can be approved");
        apply(new CsoApproved(id.value().toString(), command.coordinator().value()));
    }

    @CommandHandler
    void handle(RejectCso command, TextVault vault) {
        require(CsoStatus.PENDING, "Only a pending CSO can be rejected");
        apply(new CsoRejected(id.value().toString(), vault.seal(command.reason().text(), null), command.coordinator().value()));
    }

    @CommandHandler
    void handle(SuspendCso command, TextVault vault) {
        require(CsoStatus.APPROVED, "Only an approved CSO can be suspended");
        apply(new CsoSuspended(id.value().toString(), vault.seal(command.reason().text(), null), command.coordinator().value()));
    }

    @CommandHandler
    void handle(ReinstateCso command, TextVault vault) {
        require(CsoStatus.SUSPENDED, "Only a suspended CSO can be reinstated");
        apply(new CsoReinstated(id.value().toString(), vault.seal(command.reason().text(), null), command.coordinator().value()));
    }

    private void require(CsoStatus expected, String message) {
        if (status != expected) {
            throw new StateConflict(status.name(), message + "; this one is " + status);
        }
    }

    public CsoStanding standing() {
        return new CsoStanding(status, municipalityIds);
    }

    @EventSourcingHandler
    void on(CsoRegistered event) {
        id = CsoId.parse("csoId", event.csoId());
        status = CsoStatus.PENDING;
        municipalityIds = Set.copyOf(event.municipalityIds());
    }

    @EventSourcingHandler
    void on(CsoApproved event) {
        status = CsoStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(CsoRejected event) {
        status = CsoStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(CsoSuspended event) {
        status = CsoStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(CsoReinstated event) {
        status = CsoStatus.APPROVED;
    }
}
