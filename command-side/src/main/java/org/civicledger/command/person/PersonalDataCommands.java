package org.civicledger.command.person;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.person.ErasePersonalData;
import org.civicledger.domain.person.ErasureRequester;
import org.civicledger.domain.person.PersonId;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.domain.person.PersonalDataErased;
import org.civicledger.domain.person.PersonalDataRecorded;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.person.RecordPersonalData;
import org.civicledger.domain.shared.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own data: recorded sealed with their key, read back only by them, erased by destroying
 * the key ("crypto-shredding") — in the same database transaction that records the erasure event.
 */
@RestController
@RequestMapping("/api/v1/people")
class PersonalDataCommands {

    private final CommandGateway commands;
    private final Actor actor;
    private final Pseudonyms pseudonyms;
    private final PersonalDataCipher vault;
    private final PersonKeys keys;
    private final EventStore events;
    private final TransactionTemplate transaction;

    PersonalDataCommands(CommandGateway commands, Actor actor, Pseudonyms pseudonyms, PersonalDataCipher vault,
                         PersonKeys keys, EventStore events, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.actor = actor;
        this.pseudonyms = pseudonyms;
        this.vault = vault;
        this.keys = keys;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    record PersonalDataRequest(String name, String email, String gender, String ageBand, String localCommunity) {
    }

    @PutMapping("/me/personal-data")
    ResponseEntity<Void> record(@RequestBody PersonalDataRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        checks.check(() -> PersonalData.name(body.name()));
        checks.check(() -> PersonalData.email(body.email()));
        checks.check(() -> PersonalData.gender(body.gender()));
        checks.check(() -> PersonalData.ageBand(body.ageBand()));
        checks.check(() -> PersonalData.localCommunity(body.localCommunity()));
        checks.throwIfAny();
        PersonalData data = new PersonalData(body.name(), body.email(), body.gender(), body.ageBand(), body.localCommunity());
        Pseudonym me = actor.pseudonym(token);
        commands.sendAndWait(new RecordPersonalData(new PersonId(me), vault.seal(me, data)));
        return ResponseEntity.noContent().build();
    }

    /** What the person recorded, as only they may see it; {@code ERASED} once they erased it. */
    @GetMapping("/me/personal-data")
    Map<String, Object> mine(@AuthenticationPrincipal Jwt token) {
        Pseudonym me = actor.pseudonym(token);
        String latest = null;
        boolean erased = false;
        DomainEventStream stream = events.readEvents(new PersonId(me).toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof PersonalDataRecorded recorded) {
                latest = recorded.ciphertext();
                erased = false;
            } else if (event.getPayload() instanceof PersonalDataErased) {
                erased = true;
            }
        }
        if (latest == null) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No personal data was recorded"), null);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<PersonalData> data = erased ? Optional.empty() : vault.open(me, latest);
        answer.put("status", data.isPresent() ? "RECORDED" : "ERASED");
        answer.put("data", data.orElse(null));
        return answer;
    }

    @DeleteMapping("/me/personal-data")
    ResponseEntity<Void> eraseMine(@AuthenticationPrincipal Jwt token) {
        Pseudonym me = actor.pseudonym(token);
        erase(me, ErasureRequester.SELF, me);
        return ResponseEntity.noContent().build();
    }

    /** An administrator erases the data of the person with this token subject. */
    @DeleteMapping("/{subject}/personal-data")
    ResponseEntity<Void> eraseFor(@PathVariable String subject, @AuthenticationPrincipal Jwt token) {
        Pseudonym person = pseudonyms.of(Text.require("subject", subject, 1, 200, false));
        erase(person, ErasureRequester.ADMIN, actor.pseudonym(token));
        return ResponseEntity.noContent().build();
    }

    private void erase(Pseudonym person, ErasureRequester requester, Pseudonym by) {
        transaction.executeWithoutResult(status -> {
            keys.erase(person.value());
            commands.sendAndWait(new ErasePersonalData(new PersonId(person), requester, by));
        });
    }
}
