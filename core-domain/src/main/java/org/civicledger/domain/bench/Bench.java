package org.civicledger.domain.bench;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/** A smart bench: registered with its key, commissioned, re-keyed when needed, decommissioned for good. */
public class Bench {

    @AggregateIdentifier
    private BenchId id;
    private String municipalityId;
    private BenchStatus status;
    private String publicKey;
    private int keyVersion;
    private final java.util.List<String> rotatedOutKeys = new java.util.ArrayList<>();
    /** When the bench fell silent, or null while it speaks. */
    private java.time.Instant silentSince;

    protected Bench() {
        // for Axon
    }

    @CommandHandler
    Bench(RegisterBench command, MunicipalityRegistry municipalities) {
        if (!municipalities.isRegistered(command.municipalityId())) {
            throw new InvalidField("municipalityId", "no municipality '" + command.municipalityId().slug() + "' is registered");
        }
        apply(new BenchRegistered(command.benchId().value(), command.municipalityId().slug(), command.location().lat(),
                command.location().lon(), command.publicKey().base64(), command.admin().value()));
    }

    @CommandHandler
    void handle(RotateBenchKey command, TextVault vault) {
        requireInNetwork();
        if (command.publicKey().base64().equals(publicKey)) {
            throw new InvalidField("publicKey", "is the bench's current key");
        }
        apply(new BenchKeyRotated(id.value(), command.publicKey().base64(), keyVersion + 1,
                vault.seal(command.reason().text(), null),
                command.admin().value()));
    }

    @CommandHandler
    void handle(CommissionBench command) {
        if (status != BenchStatus.REGISTERED) {
            throw new StateConflict(status.name(), "Only a registered bench is commissioned");
        }
        apply(new BenchCommissioned(id.value(), command.admin().value()));
    }

    @CommandHandler
    void handle(DecommissionBench command, TextVault vault) {
        requireInNetwork();
        apply(new BenchDecommissioned(id.value(), vault.seal(command.reason().text(), null), command.admin().value()));
    }

    /** Recorded once per silence: a second report of the same silence changes nothing. */
    @CommandHandler
    void handle(RecordBenchSilence command) {
        if (status != BenchStatus.COMMISSIONED || silentSince != null) {
            return;
        }
        apply(new BenchWentSilent(id.value(), command.lastHeardAt(), command.after().toSeconds()));
    }

    /** Recorded once per return, and only for a bench that was silent. */
    @CommandHandler
    void handle(RecordBenchReturn command) {
        if (silentSince == null || status == BenchStatus.DECOMMISSIONED) {
            return;
        }
        apply(new BenchCameBack(id.value(), command.heardAt(), silentSince));
    }

    private void requireInNetwork() {
        if (status == BenchStatus.DECOMMISSIONED) {
            throw new StateConflict(status.name(), "The bench is decommissioned");
        }
    }

    public BenchStanding standing() {
        return new BenchStanding(municipalityId, status, publicKey, keyVersion, rotatedOutKeys);
    }

    @EventSourcingHandler
    void on(BenchRegistered event) {
        id = new BenchId(event.benchId());
        municipalityId = event.municipalityId();
        status = BenchStatus.REGISTERED;
        publicKey = event.publicKey();
        keyVersion = 1;
    }

    @EventSourcingHandler
    void on(BenchKeyRotated event) {
        rotatedOutKeys.add(publicKey);
        publicKey = event.publicKey();
        keyVersion = event.keyVersion();
    }

    @EventSourcingHandler
    void on(BenchCommissioned event) {
        status = BenchStatus.COMMISSIONED;
    }

    @EventSourcingHandler
    void on(BenchWentSilent event) {
        silentSince = event.lastHeardAt();
    }

    @EventSourcingHandler
    void on(BenchCameBack event) {
        silentSince = null;
    }

    @EventSourcingHandler
    void on(BenchDecommissioned event) {
        status = BenchStatus.DECOMMISSIONED;
    }
}
