package org.civicledger.domain.idea;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.civicledger.domain.cso.CsoNetwork;
import org.civicledger.domain.cso.CsoStanding;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.TextVault;

/**
 * A citizen's idea, from submission through support, validation by CSOs, an action forwarded to the
 * municipality, the municipal answer and implementation progress. Every step is an event; a step
 * that the current state does not allow is refused naming that state.
 */
public class Idea {

    private static final Set<IdeaStatus> VALIDATABLE = EnumSet.of(IdeaStatus.SUBMITTED, IdeaStatus.CHANGES_REQUESTED);
    private static final Set<IdeaStatus> ANSWERABLE = EnumSet.of(IdeaStatus.FORWARDED, IdeaStatus.NEEDS_INFORMATION);
    private static final Set<IdeaStatus> IN_IMPLEMENTATION = EnumSet.of(IdeaStatus.ACCEPTED, IdeaStatus.PARTIALLY_ACCEPTED);
    /** The texts of a version that moderation can redact. */
    public static final List<String> REDACTABLE = List.of("title", "description");

    @AggregateIdentifier
    private IdeaId id;
    private String municipalityId;
    private String author;
    private IdeaStatus status;
    private boolean hidden;
    private int version;
    private final Map<String, ValidationDecision> currentValidations = new LinkedHashMap<>();
    private int progress;
    private Instant submittedAt;
    /** Each version's texts, which a redaction names by version and field. */
    private final Map<Integer, Map<String, SealedText>> versions = new HashMap<>();
    private final Set<String> redacted = new HashSet<>();

    protected Idea() {
        // for Axon
    }

    @CommandHandler
    Idea(SubmitIdea command, MunicipalityRegistry municipalities, TextVault vault) {
        if (!municipalities.isRegistered(command.municipalityId())) {
            throw new InvalidField("municipalityId",
                    "no municipality '" + command.municipalityId().slug() + "' is registered");
        }
        Participant author = command.author();
        apply(new IdeaSubmitted(
                command.ideaId().value().toString(),
                command.municipalityId().slug(),
                command.localCommunity() == null ? null : command.localCommunity().name(),
                command.topic().value(),
                vault.seal(command.title().value(), author.erasure()),
                vault.seal(command.description().value(), author.erasure()),
                command.language().tag(),
                command.channel(),
                author.pseudonym().value(),
                command.benchId(),
                author.sealedProfile(vault)));
    }

    @CommandHandler
    void handle(ValidateIdea command, CsoNetwork network, ValidationQuorum quorum, TextVault vault) {
        requireVisible();
        requireStatus(VALIDATABLE, "CSOs validate an idea before it is validated");
        CsoStanding cso = network.standingOf(command.csoId())
                .orElseThrow(() -> new NotPermitted("No CSO " + command.csoId().value() + " is registered"));
        if (!cso.mayActIn(municipalityId)) {
            throw new NotPermitted("The CSO is " + cso.status() + (cso.municipalityIds().contains(municipalityId)
                    ? "" : " and not active in " + municipalityId) + "; it may not validate this idea");
        }
        String csoId = command.csoId().value().toString();
        apply(new CsoValidationRecorded(ideaId(), csoId, command.decision(), vault.seal(command.reason().text(), null),
                version, command.validator().value()));
        List<String> endorsing = currentValidations.entrySet().stream()
                .filter(e -> e.getValue() == ValidationDecision.ENDORSE).map(Map.Entry::getKey).toList();
        if (status != IdeaStatus.CHANGES_REQUESTED && endorsing.size() >= quorum.endorsements()) {
            apply(new IdeaValidated(ideaId(), endorsing, quorum.endorsements()));
        }
    }

    @CommandHandler
    void handle(AmendIdea command, TextVault vault) {
        requireVisible();
        if (!command.isBy(author)) {
            throw new NotPermitted("Only the author may amend an idea");
        }
        requireStatus(EnumSet.of(IdeaStatus.CHANGES_REQUESTED), "An idea is amended when a CSO asked for changes");
        ErasureTag writer = command.author().erasure();
        apply(new IdeaAmended(ideaId(), version + 1,
                command.localCommunity() == null ? null : command.localCommunity().name(),
                command.topic().value(), vault.seal(command.title().value(), writer),
                vault.seal(command.description().value(), writer), command.language().tag(), author));
    }

    @CommandHandler
    void handle(ForwardAction command, CsoNetwork network, TextVault vault) {
        requireVisible();
        requireStatus(EnumSet.of(IdeaStatus.VALIDATED), "Only a validated idea becomes an action");
        CsoStanding cso = network.standingOf(command.csoId())
                .orElseThrow(() -> new NotPermitted("No CSO " + command.csoId().value() + " is registered"));
        if (!cso.mayActIn(municipalityId)) {
            throw new NotPermitted("The CSO may not act in " + municipalityId);
        }
        apply(new ActionForwarded(ideaId(), command.csoId().value().toString(), municipalityId, command.kind(),
                vault.seal(command.description().value(), null), command.member().value()));
    }

    @CommandHandler
    void handle(AnswerIdea command, TextVault vault) {
        requireOfficerOfThisMunicipality(command.actingFor().slug());
        requireStatus(ANSWERABLE, "The municipality answers a forwarded idea");
        apply(new IdeaAnswered(ideaId(), municipalityId, command.decision(), vault.seal(command.rationale().text(), null),
                command.department().name(), command.officer().value()));
    }

    @CommandHandler
    void handle(ReportProgress command, TextVault vault) {
        requireOfficerOfThisMunicipality(command.actingFor().slug());
        requireStatus(IN_IMPLEMENTATION, "Progress is reported on an accepted idea until it is complete");
        if (command.percent() < 0 || command.percent() > 100) {
            throw new InvalidField("percent", "must be 0 to 100");
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (command.percent() < progress && note == null) {
            throw new InvalidField("note", "must say why progress falls from " + progress + " to " + command.percent());
        }
        if (note != null && note.length() > 2_000) {
            throw new InvalidField("note", "must be at most 2000 characters");
        }
        apply(new ProgressReported(ideaId(), command.percent(), vault.sealOrNull(note, null), command.officer().value()));
        if (command.percent() == 100) {
            apply(new IdeaCompleted(ideaId()));
        }
    }

    @CommandHandler
    void handle(HideIdea command, TextVault vault) {
        if (hidden) {
            throw new StateConflict("HIDDEN", "The idea is already hidden");
        }
        apply(new IdeaHidden(ideaId(), vault.seal(command.reason().text(), null), command.moderator().value()));
    }

    @CommandHandler
    void handle(RestoreIdea command, TextVault vault) {
        if (!hidden) {
            throw new StateConflict(status.name(), "Only a hidden idea can be restored");
        }
        apply(new IdeaRestored(ideaId(), vault.seal(command.reason().text(), null), command.moderator().value()));
    }

    /**
     * Destroys the key of one text of one version — for good: unlike hiding, a redaction cannot be undone.
     * The key goes in the same transaction as the event that records it.
     */
    @CommandHandler
    void handle(RedactIdeaText command, TextVault vault) {
        int which = command.version() == null ? version : command.version();
        Map<String, SealedText> texts = versions.get(which);
        if (texts == null) {
            throw new InvalidField("version", "the idea has versions 1 to " + version);
        }
        SealedText text = texts.get(command.field());
        if (text == null) {
            throw new InvalidField("field", "must be one of " + REDACTABLE);
        }
        if (redacted.contains(which + ":" + command.field())) {
            throw new StateConflict("REDACTED", "The " + command.field() + " of version " + which + " is already redacted");
        }
        if (text.unsealed()) {
            throw new StateConflict("PLAIN", "The " + command.field() + " of version " + which
                    + " was stored before texts were sealed: it can be hidden, not redacted");
        }
        vault.redact(text);
        apply(new IdeaTextRedacted(ideaId(), which, command.field(), vault.seal(command.reason().text(), null),
                command.moderator().value()));
    }

    private void requireVisible() {
        if (hidden) {
            throw new StateConflict("HIDDEN", "The idea is hidden by moderation");
        }
    }

    private void requireStatus(Set<IdeaStatus> allowed, String rule) {
        if (!allowed.contains(status)) {
            throw new StateConflict(status.name(), rule + "; this idea is " + status);
        }
    }

    private void requireOfficerOfThisMunicipality(String actingFor) {
        if (!municipalityId.equals(actingFor)) {
            throw new NotPermitted("Only an officer of " + municipalityId + " may act on this idea");
        }
    }

    private String ideaId() {
        return id.value().toString();
    }

    public IdeaStanding standing() {
        return new IdeaStanding(municipalityId, status, hidden, submittedAt);
    }

    @EventSourcingHandler
    void on(IdeaSubmitted event, @Timestamp Instant at) {
        id = new IdeaId(UUID.fromString(event.ideaId()));
        municipalityId = event.municipalityId();
        author = event.authorPseudonym();
        status = IdeaStatus.SUBMITTED;
        version = 1;
        submittedAt = at;
        versions.put(1, texts(event.title(), event.description()));
    }

    @EventSourcingHandler
    void on(IdeaTextRedacted event) {
        redacted.add(event.version() + ":" + event.field());
    }

    private static Map<String, SealedText> texts(SealedText title, SealedText description) {
        Map<String, SealedText> texts = new LinkedHashMap<>();
        texts.put("title", title);
        texts.put("description", description);
        return texts;
    }

    @EventSourcingHandler
    void on(CsoValidationRecorded event) {
        currentValidations.put(event.csoId(), event.decision());
        status = currentValidations.containsValue(ValidationDecision.REQUEST_CHANGES)
                ? IdeaStatus.CHANGES_REQUESTED : IdeaStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(IdeaValidated event) {
        status = IdeaStatus.VALIDATED;
    }

    @EventSourcingHandler
    void on(IdeaAmended event) {
        version = event.version();
        versions.put(version, texts(event.title(), event.description()));
        currentValidations.clear();
        status = IdeaStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ActionForwarded event) {
        status = IdeaStatus.FORWARDED;
    }

    @EventSourcingHandler
    void on(IdeaAnswered event) {
        status = event.decision().status();
    }

    @EventSourcingHandler
    void on(ProgressReported event) {
        progress = event.percent();
    }

    @EventSourcingHandler
    void on(IdeaCompleted event) {
        status = IdeaStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(IdeaHidden event) {
        hidden = true;
    }

    @EventSourcingHandler
    void on(IdeaRestored event) {
        hidden = false;
    }

    IdeaStatus status() {
        return status;
    }
}
