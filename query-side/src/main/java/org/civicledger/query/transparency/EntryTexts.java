package org.civicledger.query.transparency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.idea.IdeaReader;
import org.civicledger.query.readstore.NotFound;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts an entry of the transparency log commits to by digest, served beside the log, by entry
 * ({@code GET /api/v1/transparency/entries/{index}/content}): each text with the salt of its digest, so
 * anyone can check {@code base64(SHA-256(salt ‖ UTF-8 text))} against the entry. A text whose idea is
 * hidden answers {@code 410 Gone} with {@code reason} HIDDEN while it is; once redacted, or once its writer
 * was erased, its key is gone and it answers 410 with REDACTED or ERASED for good — the entry, its hash and
 * every proof stay valid. Contact and personal data are never served: the entry holds their digest only.
 */
@RestController
@RequestMapping("/api/v1/transparency/entries/{index}/content")
class EntryTexts {

    private static final Set<String> IDEA_TEXTS = Set.of("idea.IdeaSubmitted", "idea.IdeaAmended");

    private final TransparencyLog log;
    private final EventStore events;
    private final TextVault texts;
    private final IdeaReader ideas;
    private final JsonMapper json = JsonMapper.builder().build();

    EntryTexts(TransparencyLog log, @Lazy EventStore events, TextVault texts, IdeaReader ideas) {
        this.log = log;
        this.events = events;
        this.texts = texts;
        this.ideas = ideas;
    }

    /** Every text of the entry: its field (a JSON Pointer into the entry's data), digest, and whether it is served. */
    @GetMapping(params = "!field")
    Map<String, Object> list(@PathVariable long index) {
        Located entry = locate(index);
        List<Map<String, Object>> listed = new ArrayList<>();
        entry.texts().forEach((field, text) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", field);
            item.put("digest", EventTexts.digest(text));
            item.put("status", status(entry, field, text));
            item.put("content", "/api/v1/transparency/entries/" + index + "/content?field=" + field);
            listed.add(item);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("logIndex", index);
        answer.put("texts", listed);
        return answer;
    }

    /** One text of the entry with its salt, or 410 with why it is not served. */
    @GetMapping(params = "field")
    Map<String, Object> text(@PathVariable long index, @RequestParam String field) {
        Located entry = locate(index);
        SealedText text = entry.texts().get(field);
        if (text == null) {
            throw new InvalidField("field", "is not a text of entry " + index + "; its texts are " + entry.texts().keySet());
        }
        String status = status(entry, field, text);
        if (status.equals("NOT_PUBLISHED")) {
            throw NotFound.because("Contact and personal data are never served; the entry holds only their digest");
        }
        if (!status.equals("AVAILABLE")) {
            ProblemDetail gone = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, switch (status) {
                case "HIDDEN" -> "The idea is hidden by moderation; its texts are served again if it is restored";
                case "REDACTED" -> "The text was redacted: its key is destroyed and it will never be served again";
                default -> "The person who wrote the text was erased: its key is destroyed and it will never be served again";
            });
            gone.setProperty("reason", status);
            throw new ErrorResponseException(HttpStatus.GONE, gone, null);
        }
        OpenedText opened = texts.open(text);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("logIndex", index);
        answer.put("field", field);
        answer.put("digest", EventTexts.digest(text));
        answer.put("salt", opened.salt() == null ? "" : opened.salt());
        answer.put("text", opened.text());
        return answer;
    }

    private String status(Located entry, String field, SealedText text) {
        if (EventTexts.neverServed(field)) {
            return "NOT_PUBLISHED";
        }
        if (IDEA_TEXTS.contains(entry.eventType()) && ideas.hidden(entry.aggregateId().substring("idea-".length()))) {
            return "HIDDEN";
        }
        OpenedText opened = texts.open(text);
        return opened.gone() ? opened.withheld().name() : "AVAILABLE";
    }

    /** An entry of format 2 and the texts of the event it records, by field. */
    private record Located(String eventType, String aggregateId, Map<String, SealedText> texts) {
    }

    private Located locate(long index) {
        JsonNode entry = json.readTree(log.entry(index).orElseThrow(() -> NotFound.because("No entry " + index + " in the log")));
        if (!entry.has("format")) {
            throw NotFound.because("Entry " + index + " is of format 1, from before texts were sealed: its data is in "
                    + "the entry itself");
        }
        String aggregateId = entry.get("aggregateId").asString();
        long sequence = entry.get("aggregateSequence").asLong();
        String eventId = entry.get("eventId").asString();
        DomainEventStream stream = events.readEvents(aggregateId, sequence);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getIdentifier().equals(eventId)) {
                Map<String, SealedText> found = new LinkedHashMap<>();
                EventTexts.in(EventTexts.tree(event.getPayload())).forEach((field, text) -> {
                    if (!EventTexts.leftOut(field)) {
                        found.put(field, text);
                    }
                });
                return new Located(entry.get("eventType").asString(), aggregateId, found);
            }
        }
        throw NotFound.because("The event of entry " + index + " is not in the event store");
    }
}
