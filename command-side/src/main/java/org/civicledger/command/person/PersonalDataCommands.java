package org.civicledger.command.person;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.person.ErasePersonalData;
import org.civicledger.domain.person.ErasureRequester;
import org.civicledger.domain.person.PersonId;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.person.RecordPersonalData;
import org.civicledger.domain.shared.StateConflict;
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
 * A person's own data: recorded sealed under their erasure tag, read back only by them. Erasure
 * ("crypto-shredding") destroys, in the same database transaction that records it, the person's secret
 * (so their pseudonyms can never be derived or linked again), every key sealed under their tag (their
 * personal data, the texts they wrote, the profiles their acts carry) and the keys of what they recorded
 * before per-context pseudonyms.
 */
@RestController
@RequestMapping("/api/v1/people")
class PersonalDataCommands {

    private final CommandGateway commands;
    private final Actor actor;
    private final PersonSecrets secrets;
    private final Participants participants;
    private final SealedTexts texts;
    private final PersonKeys earlierKeys;
    private final Pseudonyms pseudonyms;
    private final TransactionTemplate transaction;

    PersonalDataCommands(CommandGateway commands, Actor actor, PersonSecrets secrets, Participants participants,
                         SealedTexts texts, PersonKeys earlierKeys, Pseudonyms pseudonyms,
                         PlatformTransactionManager transactions) {
        this.pseudonyms = pseudonyms;
        this.commands = commands;
        this.actor = actor;
        this.secrets = secrets;
        this.participants = participants;
        this.texts = texts;
        this.earlierKeys = earlierKeys;
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
        Identity me = actor.identity(token);
        commands.sendAndWait(new RecordPersonalData(me.person(), data, me.erasure()));
        return ResponseEntity.noContent().build();
    }

    /**
     * What the person recorded, as only they may see it — under their current secret, or before per-context
     * pseudonyms; {@code ERASED} once they were erased and recorded nothing since.
     */
    @GetMapping("/me/personal-data")
    Map<String, Object> mine(@AuthenticationPrincipal Jwt token) {
        String subject = token.getSubject();
        Pseudonym earlier = pseudonyms.of(subject);
        Optional<PersonalData> data = secrets.live(subject).map(participants::personalData)
                .orElseGet(() -> participants.earlierPersonalData(earlier));
        boolean erased = secrets.erasedAt(subject).isPresent() || participants.erasedEarlier(earlier);
        if (data.isEmpty() && !erased) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No personal data was recorded"), null);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", data.isPresent() ? "RECORDED" : "ERASED");
        answer.put("data", data.orElse(null));
        return answer;
    }

    @DeleteMapping("/me/personal-data")
    ResponseEntity<Void> eraseMine(@AuthenticationPrincipal Jwt token) {
        erase(token.getSubject(), ErasureRequester.SELF, null);
        return ResponseEntity.noContent().build();
    }

    /** An administrator erases the person with this token subject. */
    @DeleteMapping("/{subject}/personal-data")
    ResponseEntity<Void> eraseFor(@PathVariable String subject, @AuthenticationPrincipal Jwt token) {
        erase(Text.require("subject", subject, 1, 200, false), ErasureRequester.ADMIN, token);
        return ResponseEntity.noContent().build();
    }

    /**
     * Erases the person: their current secret and every key under their tag, and what they recorded before
     * per-context pseudonyms (its keys destroyed, its erasure recorded in that stream as before), in one
     * transaction. {@code admin} is the administrator's token, or null when the person erases themselves.
     */
    private void erase(String subject, ErasureRequester requester, Jwt admin) {
        Optional<Identity> live = secrets.live(subject);
        Pseudonym earlier = pseudonyms.of(subject);
        boolean earlierData = participants.earlierPersonalData(earlier).isPresent();
        if (live.isEmpty() && !earlierData) {
            throw secrets.erasedAt(subject).isPresent() || participants.erasedEarlier(earlier)
                    ? new StateConflict("ERASED", "This person was erased and has not acted since")
                    : new StateConflict("NO_DATA", "Nothing is kept about this person");
        }
        transaction.executeWithoutResult(status -> {
            live.ifPresent(person -> erase(person, requester,
                    admin == null ? person.in(person.person()) : actor.pseudonymIn(admin, person.person())));
            earlierKeys.erase(earlier.value());
            if (earlierData) {
                PersonId stream = new PersonId(earlier);
                commands.sendAndWait(new ErasePersonalData(stream, requester,
                        admin == null ? earlier : actor.pseudonymIn(admin, stream)));
            }
        });
    }

    private void erase(Identity person, ErasureRequester requester, Pseudonym by) {
        texts.eraseWriter(person.erasure());
        secrets.erase(person);
        commands.sendAndWait(new ErasePersonalData(person.person(), requester, by));
    }
}
