package org.civicledger.query.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.IdeaAmended;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaCompleted;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaRestored;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;

/**
 * An idea's state folded from its events, in order, as an auditor replays it: its own, its ballots' and
 * the bench opinions given in consultations about it — from the event store, never from a projection, so
 * it shows what was recorded and nothing else. {@code votes} is counted as {@code GET /ideas/{id}} counts
 * it: {@code identified}, the ballots that count (cast and not withdrawn), and {@code anonymousOpinions},
 * the bench opinions, apart; {@code benchOpinions} splits those by consultation and option.
 */
final class IdeaHistory {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Function<SealedText, String> opened;

    /** @param opened a sealed text's text, or null when it is withheld */
    IdeaHistory(Function<SealedText, String> opened) {
        this.opened = opened;
    }
    private final Map<String, String> validations = new TreeMap<>();
    /** Whether each voter's ballot counts now: cast (again) true, withdrawn false. */
    private final Map<String, Boolean> ballots = new HashMap<>();
    /** The bench opinions given so far, by consultation and option. */
    private final Map<String, Map<String, Long>> benchOpinions = new TreeMap<>();

    boolean exists() {
        return state.containsKey("ideaId");
    }

    void apply(Object event, Instant at) {
        if (event instanceof IdeaSubmitted e) {
            state.put("ideaId", e.ideaId());
            state.put("municipalityId", e.municipalityId());
            state.put("status", IdeaStatus.SUBMITTED.name());
            state.put("version", 1);
            text(e.localCommunity(), e.topic(), e.title(), e.description(), e.language());
            state.put("channel", e.channel().name());
            state.put("authorPseudonym", e.authorPseudonym());
            state.put("submittedAt", at);
            state.put("hidden", false);
        } else if (event instanceof CsoValidationRecorded e) {
            validations.put(e.csoId(), e.decision().name());
            state.put("status", validations.containsValue(ValidationDecision.REQUEST_CHANGES.name())
                    ? IdeaStatus.CHANGES_REQUESTED.name() : IdeaStatus.SUBMITTED.name());
        } else if (event instanceof IdeaValidated) {
            state.put("status", IdeaStatus.VALIDATED.name());
        } else if (event instanceof IdeaAmended e) {
            state.put("version", e.version());
            text(e.localCommunity(), e.topic(), e.title(), e.description(), e.language());
            validations.clear();
            state.put("status", IdeaStatus.SUBMITTED.name());
        } else if (event instanceof ActionForwarded e) {
            state.put("status", IdeaStatus.FORWARDED.name());
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("csoId", e.csoId());
            action.put("kind", e.kind().name());
            action.put("description", open(e.description()));
            state.put("action", action);
        } else if (event instanceof IdeaAnswered e) {
            state.put("status", e.decision().name());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("decision", e.decision().name());
            answer.put("rationale", open(e.rationale()));
            answer.put("department", e.department());
            state.put("answer", answer);
        } else if (event instanceof ProgressReported e) {
            state.put("progress", e.percent());
        } else if (event instanceof IdeaCompleted) {
            state.put("status", IdeaStatus.COMPLETED.name());
        } else if (event instanceof IdeaHidden e) {
            state.put("hidden", true);
            state.put("moderationReason", open(e.reason()));
        } else if (event instanceof IdeaRestored e) {
            state.put("hidden", false);
            state.put("moderationReason", open(e.reason()));
        } else if (event instanceof VoteCast e) {
            ballots.put(e.voterPseudonym(), true);
        } else if (event instanceof VoteWithdrawn e) {
            ballots.put(e.voterPseudonym(), false);
        } else if (event instanceof BenchOpinionGiven e) {
            benchOpinions.computeIfAbsent(e.consultationId(), c -> new TreeMap<>()).merge(e.optionId(), 1L, Long::sum);
        }
        state.put("currentValidations", new TreeMap<>(validations));
        Map<String, Object> votes = new LinkedHashMap<>();
        votes.put("identified", ballots.values().stream().filter(Boolean::booleanValue).count());
        votes.put("anonymousOpinions", benchOpinions.values().stream().flatMap(o -> o.values().stream())
                .mapToLong(Long::longValue).sum());
        state.put("votes", votes);
        Map<String, Object> byConsultation = new TreeMap<>();
        benchOpinions.forEach((consultation, options) -> byConsultation.put(consultation, new TreeMap<>(options)));
        state.put("benchOpinions", byConsultation);
    }

    private String open(SealedText text) {
        return text == null ? null : opened.apply(text);
    }

    private void text(String localCommunity, String topic, SealedText title, SealedText description, String language) {
        state.put("localCommunity", localCommunity);
        state.put("topic", topic);
        state.put("title", open(title));
        state.put("description", open(description));
        state.put("language", language);
    }

    Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }
}
