package org.civicledger.query.audit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.query.transparency.EventTexts;
import org.civicledger.query.transparency.TransparencyLog;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.BenchOpinionId;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.StreamsByPrefix;
import org.civicledger.domain.vote.BallotId;
import org.civicledger.query.dashboard.PeriodParameters;
import org.civicledger.query.readstore.NotFound;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail (AUDITOR): every recorded event of an idea, CSO or consultation in order, read
 * from the event store itself (for an idea: its ballots and the bench opinions about it too); an idea's
 * state as it stood at any instant, replayed from those events; and what changed between two instants.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditTrail {

    private static final Set<String> RATIONALES = Set.of("reason", "rationale", "note", "conclusion");

    private final EventStore events;
    private final StreamsByPrefix streams;
    private final TransparencyLog log;
    private final TextVault texts;

    AuditTrail(@Lazy EventStore events, @Lazy StreamsByPrefix streams, TransparencyLog log, TextVault texts) {
        this.events = events;
        this.streams = streams;
        this.log = log;
        this.texts = texts;
    }

    @GetMapping("/{kind}/{id}")
    Map<String, Object> trail(@PathVariable String kind, @PathVariable String id,
                              @RequestParam(required = false) String asOf) {
        String stream = stream(kind, id);
        if (asOf != null) {
            if (!"ideas".equals(kind)) {
                throw new InvalidField("asOf", "is available for ideas");
            }
            return ideaAsOf(id, PeriodParameters.parse("asOf", asOf));
        }
        List<AuditEntry> entries = "ideas".equals(kind) ? ideaTrail(id, Instant.MAX) : read(stream);
        if (entries.isEmpty()) {
            throw NotFound.because("Nothing is recorded for " + kind + " " + id);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", kind);
        answer.put("id", id);
        answer.put("stream", stream);
        answer.put("events", entries);
        return answer;
    }

    @GetMapping("/ideas/{id}/diff")
    Map<String, Object> diff(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        Instant start = PeriodParameters.parse("from", from);
        Instant end = PeriodParameters.parse("to", to);
        PeriodParameters.requireOrdered(start, end);
        List<AuditEntry> all = ideaTrail(id, end);
        if (all.isEmpty()) {
            throw NotFound.because("The idea " + id + " did not exist at " + end);
        }
        Map<String, Object> before = fold(all, start).state();
        Map<String, Object> after = fold(all, end).state();
        List<Map<String, Object>> changes = new ArrayList<>();
        Set<String> fields = new java.util.LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("field", field);
                change.put("before", before.get(field));
                change.put("after", after.get(field));
                changes.add(change);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ideaId", id);
        answer.put("from", start);
        answer.put("to", end);
        answer.put("changes", changes);
        answer.put("events", all.stream().filter(e -> e.at().isAfter(start)).toList());
        return answer;
    }

    private Map<String, Object> ideaAsOf(String id, Instant asOf) {
        List<AuditEntry> upToThen = ideaTrail(id, asOf);
        IdeaHistory history = fold(upToThen, asOf);
        if (!history.exists()) {
            throw NotFound.because("The idea did not exist at " + asOf);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", asOf);
        answer.put("eventsApplied", upToThen.size());
        answer.put("state", history.state());
        return answer;
    }

    private IdeaHistory fold(List<AuditEntry> entries, Instant until) {
        IdeaHistory history = new IdeaHistory(text -> texts.open(text).text());
        entries.stream().filter(e -> !e.at().isAfter(until)).forEach(e -> history.apply(e.payload(), e.at()));
        return history;
    }

    /** The stream's events, in order. */
    private List<AuditEntry> read(String stream) {
        return placedInLog(own(stream));
    }

    private List<AuditEntry> own(String stream) {
        List<AuditEntry> entries = new ArrayList<>();
        DomainEventStream found = events.readEvents(stream);
        while (found.hasNext()) {
            entries.add(entry(found.next()));
        }
        return entries;
    }

    /**
     * Everything recorded about an idea up to {@code until}, in the order recorded: its own stream, its
     * ballots (the streams {@code ballot-<ideaId>-<voter>}: every vote cast and withdrawn), and the bench
     * opinions given in consultations about it. All from the event store, so a vote is audited even if a
     * projection has lost it. Ordered by time; at the same millisecond the idea's events come first (a vote
     * needs the idea), then votes, then opinions.
     */
    private List<AuditEntry> ideaTrail(String id, Instant until) {
        IdeaId idea = IdeaId.parse(id);
        List<AuditEntry> entries = own(idea.toString());
        entries.addAll(readByPrefix(BallotId.prefixOf(idea), event -> true));
        Set<String> consultations = new HashSet<>();
        readByPrefix(ConsultationId.PREFIX, event -> event instanceof ConsultationOpened opened
                && idea.value().toString().equals(opened.ideaId()))
                .forEach(opened -> consultations.add(((ConsultationOpened) opened.payload()).consultationId()));
        if (!consultations.isEmpty()) {
            entries.addAll(readByPrefix(BenchOpinionId.PREFIX, event -> event instanceof BenchOpinionGiven opinion
                    && consultations.contains(opinion.consultationId())));
        }
        return placedInLog(entries.stream().filter(e -> !e.at().isAfter(until))
                .sorted(Comparator.comparing(AuditEntry::at)).toList());
    }

    /** The events of the streams named {@code prefix…} whose payload {@code wanted} accepts, in the order recorded. */
    private List<AuditEntry> readByPrefix(String prefix, Predicate<Object> wanted) {
        try (Stream<? extends DomainEventMessage<?>> found = streams.readStreamsStartingWith(prefix)) {
            return found.filter(event -> wanted.test(event.getPayload())).map(this::entry).toList();
        }
    }

    private AuditEntry entry(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        Object roles = event.getMetaData().get("actorRoles");
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        return new AuditEntry(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(),
                payload.getClass().getSimpleName(), revision == null ? 0 : Integer.parseInt(revision.value()),
                event.getTimestamp(), component(payload, name -> name.endsWith("Pseudonym")),
                roles == null ? List.of() : Arrays.asList(roles.toString().split(",")),
                rationale(payload), opened(payload), null, payload);
    }

    /** Each entry's log index, and a link to its inclusion proof in the newest checkpoint that covers it. */
    private List<AuditEntry> placedInLog(List<AuditEntry> entries) {
        Map<String, Long> indexes = log.indexesOf(entries.stream().map(AuditEntry::eventId).toList());
        long checkpointed = log.latestCheckpoint().map(TransparencyLog.Signed::treeSize).orElse(0L);
        return entries.stream().map(entry -> {
            Long index = indexes.get(entry.eventId());
            return index == null ? entry : entry.inLog(new AuditEntry.LogPlace(index,
                    "/api/v1/transparency/entries/" + index, index < checkpointed
                    ? "/api/v1/transparency/proofs/inclusion?index=" + index + "&treeSize=" + checkpointed : null));
        }).toList();
    }

    /** The event as an auditor reads it: each sealed text opened ({@code text}), or why not ({@code withheld}), with its digest. */
    private JsonNode opened(Object payload) {
        return EventTexts.replaced(EventTexts.tree(payload), (pointer, text) -> {
            OpenedText opened = texts.open(text);
            ObjectNode shown = JsonNodeFactory.instance.objectNode();
            shown.put("text", opened.text());
            shown.put("withheld", opened.withheld() == null ? null : opened.withheld().name());
            shown.put("digest", EventTexts.digest(text));
            return shown;
        });
    }

    private String rationale(Object payload) {
        Object value = value(payload, RATIONALES::contains);
        if (value instanceof SealedText text) {
            return texts.open(text).text();
        }
        return value == null ? null : value.toString();
    }

    private static String component(Object payload, java.util.function.Predicate<String> named) {
        Object value = value(payload, named);
        return value == null ? null : value.toString();
    }

    private static Object value(Object payload, java.util.function.Predicate<String> named) {
        if (!payload.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (named.test(component.getName())) {
                try {
                    return component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static String stream(String kind, String id) {
        return switch (kind) {
            case "ideas" -> IdeaId.parse(id).toString();
            case "csos" -> CsoId.parse("id", id).toString();
            case "consultations" -> ConsultationId.parse(id).toString();
            case "benches" -> new org.civicledger.domain.bench.BenchId(id).toString();
            default -> throw new InvalidField("kind", "must be one of [ideas, csos, consultations, benches]");
        };
    }
}
