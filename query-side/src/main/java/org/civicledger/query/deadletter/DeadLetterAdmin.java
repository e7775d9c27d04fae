package org.civicledger.query.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.query.readmodel.ReadModels;
import org.civicledger.query.readstore.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: events the read models' pass failed on, parked with why; retried once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterAdmin {

    /** The name parked events are listed under: the one pass of the read models. */
    static final String PASS = "read-models";

    /** One parked event: what it is, why it failed, since when. */
    record Letter(String projection, String eventId, String eventType, String aggregateId, Long sequenceNumber,
                  String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    private final ReadModels models;

    DeadLetterAdmin(ReadModels models) {
        this.models = models;
    }

    /** The parked letters, a page at a time ({@code offset}, {@code limit}), with their total. */
    @GetMapping
    Map<String, Object> parked(@RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        List<Letter> letters = new ArrayList<>();
        models.parked().forEach(sequence -> sequence.forEach(letter -> letters.add(letter(letter))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", letters.size());
        answer.put("sequencesByProjection", Map.of(PASS, models.parkedSequences()));
        answer.put("offset", page.offset());
        answer.put("letters", page.of(letters).stream().limit(page.limit()).toList());
        return answer;
    }

    /** Retries every parked sequence, oldest first; returns how many sequences were cleared. */
    @PostMapping("/{projection}/retry")
    Map<String, Object> retry(@PathVariable String projection) {
        if (!PASS.equals(projection)) {
            throw new InvalidField("projection", "must be " + PASS + " (every read model is kept by one pass)");
        }
        long cleared = models.retryParked();
        return Map.of("projection", PASS, "cleared", cleared, "stillParked", models.parkedSequences());
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(PASS, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregate, sequence,
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
