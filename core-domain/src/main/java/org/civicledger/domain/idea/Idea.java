package org.civicledger.domain.idea;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.shared.InvalidField;

/** A citizen's idea, from submission through support, validation, action and the municipal answer. */
public class Idea {

    @AggregateIdentifier
    private IdeaId id;
    private IdeaStatus status;

    protected Idea() {
        // for Axon
    }

    @CommandHandler
    Idea(SubmitIdea command, MunicipalityRegistry municipalities) {
        if (!municipalities.isRegistered(command.municipalityId())) {
            throw new InvalidField("municipalityId",
                    "no municipality '" + command.municipalityId().slug() + "' is registered");
        }
        apply(new IdeaSubmitted(
                command.ideaId().value().toString(),
                command.municipalityId().slug(),
                command.localCommunity() == null ? null : command.localCommunity().name(),
                command.topic().value(),
                command.title().value(),
                command.description().value(),
                command.language().tag(),
                command.channel(),
                command.author().value()));
    }

    @EventSourcingHandler
    void on(IdeaSubmitted event) {
        id = new IdeaId(UUID.fromString(event.ideaId()));
        status = IdeaStatus.SUBMITTED;
    }

    IdeaStatus status() {
        return status;
    }
}
