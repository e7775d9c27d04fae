package org.civicledger.query.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.query.readstore.Page;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: events a projection failed on, parked with why; retried once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterAdmin {

    /** One parked event: what it is, why it failed, since when. */
    record Letter(String projection, String eventId, String eventType, String aggregateId, Long sequenceNumber,
                  String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    private final EventProcessingConfiguration processing;

    DeadLetterAdmin(@Lazy EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The parked letters of every projection, a page at a time ({@code offset}, {@code limit}), with their total. */
    @GetMapping
    Map<String, Object> parked(@RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        List<Letter> letters = new ArrayList<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (String projection : processing.eventProcessors().keySet().stream().sorted().toList()) {
            processing.deadLetterQueue(projection).ifPresent(queue -> {
                sequences.put(projection, queue.amountOfSequences());
                queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> letters.add(letter(projection, letter))));
            });
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", letters.size());
        answer.put("sequencesByProjection", sequences);
        answer.put("offset", page.offset());
        answer.put("letters", page.of(letters).stream().limit(page.limit()).toList());
        return answer;
    }

    /** Retries every parked sequence of the projection, oldest first; returns how many sequences were cleared. */
    @PostMapping("/{projection}/retry")
    Map<String, Object> retry(@PathVariable String projection) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new InvalidField("projection", "must be one of " + processing.eventProcessors().keySet()));
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(projection).orElseThrow();
        long before = queue.amountOfSequences();
        int attempts = 0;
        while (attempts++ < before && processor.processAny()) {
            // each successful call clears one sequence
        }
        long after = queue.amountOfSequences();
        return Map.of("projection", projection, "cleared", before - after, "stillParked", after);
    }

    private static Letter letter(String projection, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(projection, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregate, sequence,
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
