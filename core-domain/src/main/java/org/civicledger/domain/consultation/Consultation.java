package org.civicledger.domain.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.civicledger.domain.idea.IdeaStandings;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.Text;
import org.civicledger.domain.shared.TextVault;

/**
 * A municipality's question to its citizens: open for a window, closed early if the municipality
 * wants, and concluded — the municipality must say what it made of the answers.
 */
public class Consultation {

    /** How far in the past a window may start, to allow for clocks and queues. */
    static final Duration START_TOLERANCE = Duration.ofMinutes(5);

    @AggregateIdentifier
    private ConsultationId id;
    private String municipalityId;
    private Set<String> optionIds;
    private Instant opensAt;
    private Instant closesAt;
    private boolean closed;
    private boolean concluded;

    protected Consultation() {
        // for Axon
    }

    @CommandHandler
    Consultation(OpenConsultation command, MunicipalityRegistry municipalities, IdeaStandings ideas, TextVault vault) {
        if (!municipalities.isRegistered(command.actingFor())) {
            throw new InvalidField("municipalityId", "no municipality '" + command.actingFor().slug() + "' is registered");
        }
        if (command.aboutIdea() != null) {
            String ideaMunicipality = ideas.standingOf(command.aboutIdea()).municipalityId();
            if (!ideaMunicipality.equals(command.actingFor().slug())) {
                throw new InvalidField("ideaId", "is an idea for " + ideaMunicipality + ", not for " + command.actingFor().slug());
            }
        }
        List<ConsultationOption> options = command.options();
        if (options == null || options.size() < 2 || options.size() > 20) {
            throw new InvalidField("options", "must offer 2 to 20 options");
        }
        Set<String> ids = new HashSet<>();
        options.forEach(o -> {
            if (!ids.add(o.optionId())) {
                throw new InvalidField("options", "option '" + o.optionId() + "' appears twice");
            }
        });
        Instant opens = command.opensAt() == null ? command.now() : command.opensAt();
        if (command.closesAt() == null || !command.closesAt().isAfter(opens)) {
            throw new InvalidField("closesAt", "must be after opensAt");
        }
        if (!command.closesAt().isAfter(command.now())) {
            throw new InvalidField("closesAt", "must be in the future");
        }
        if (opens.isBefore(command.now().minus(START_TOLERANCE))) {
            throw new InvalidField("opensAt", "must not be in the past");
        }
        apply(new ConsultationOpened(command.consultationId().value().toString(), command.actingFor().slug(),
                vault.seal(command.question().toJson(), null),
                options.stream().map(o -> new ConsultationOpened.Option(o.optionId(), vault.seal(o.label().toJson(), null)))
                        .toList(),
                opens, command.closesAt(), command.officer().value(),
                command.aboutIdea() == null ? null : command.aboutIdea().value().toString()));
    }

    @CommandHandler
    void handle(CloseConsultation command) {
        requireOfficerOfThisMunicipality(command.actingFor().slug());
        if (closed) {
            throw new StateConflict("CLOSED", "The consultation is already closed");
        }
        apply(new ConsultationClosed(id.value().toString(), command.officer().value()));
    }

    @CommandHandler
    void handle(PublishConclusion command, TextVault vault) {
        requireOfficerOfThisMunicipality(command.actingFor().slug());
        if (concluded) {
            throw new StateConflict("CONCLUDED", "The conclusion is already published");
        }
        if (!closed && command.now().isBefore(closesAt)) {
            throw new StateConflict("OPEN", "A conclusion is published once the consultation is closed");
        }
        String conclusion = Text.require("conclusion", command.conclusion(), 3, 5_000, true);
        apply(new ConsultationConcluded(id.value().toString(), vault.seal(conclusion, null), command.officer().value()));
    }

    private void requireOfficerOfThisMunicipality(String actingFor) {
        if (!municipalityId.equals(actingFor)) {
            throw new NotPermitted("Only an officer of " + municipalityId + " may act on this consultation");
        }
    }

    public ConsultationStanding standing() {
        return new ConsultationStanding(municipalityId, optionIds, opensAt, closesAt, closed);
    }

    @EventSourcingHandler
    void on(ConsultationOpened event) {
        id = ConsultationId.parse(event.consultationId());
        municipalityId = event.municipalityId();
        optionIds = Set.copyOf(event.options().stream().map(ConsultationOpened.Option::optionId).toList());
        opensAt = event.opensAt();
        closesAt = event.closesAt();
    }

    @EventSourcingHandler
    void on(ConsultationClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(ConsultationConcluded event) {
        concluded = true;
    }
}
