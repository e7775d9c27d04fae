package org.civicledger.command.person;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.PersonId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.domain.person.PersonalDataErased;
import org.civicledger.domain.person.PersonalDataRecorded;
import org.civicledger.domain.person.Profile;
import org.civicledger.domain.shared.OpenedText;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who a signed-in person is in the act they are about to do: their pseudonym in its context, their
 * erasure tag, and the profile they stated (read from their personal data, newest first: their stream
 * under their current secret, else the person-wide stream of before per-context pseudonyms).
 */
@Component
public class Participants {

    private final PersonSecrets secrets;
    private final SealedTexts texts;
    private final EarlierPersonalData earlier;
    private final EventStore events;

    public Participants(PersonSecrets secrets, SealedTexts texts, EarlierPersonalData earlier, @Lazy EventStore events) {
        this.secrets = secrets;
        this.texts = texts;
        this.earlier = earlier;
        this.events = events;
    }

    /** The person acting on {@code about} (a stream name), with the profile their act will carry. */
    public Participant in(Identity identity, Object about) {
        return new Participant(identity.in(about), identity.erasure(), profile(identity).orElse(null));
    }

    /** The identity of the token subject, created on first use. */
    public Identity identify(String subject) {
        return secrets.identify(subject);
    }

    /** What the person recorded most recently and can still be opened, if anything. */
    public Optional<PersonalData> personalData(Identity identity) {
        Recorded current = latest(identity.person().toString());
        if (current.data() != null) {
            OpenedText opened = texts.open(current.data().data());
            return opened.gone() ? Optional.empty() : Optional.of(PersonalData.decode(opened.text()));
        }
        return earlierPersonalData(identity.earlier());
    }

    /**
     * What a person recorded before per-context pseudonyms, in the stream of their person-wide pseudonym,
     * if it was not erased and can still be opened.
     */
    public Optional<PersonalData> earlierPersonalData(Pseudonym earlierPseudonym) {
        Recorded before = latest(new PersonId(earlierPseudonym).toString());
        return before.data() == null || before.erased() ? Optional.empty()
                : earlier.open(earlierPseudonym.value(), before.data().ciphertext());
    }

    /** Whether the person's stream from before per-context pseudonyms was erased. */
    public boolean erasedEarlier(Pseudonym earlierPseudonym) {
        return latest(new PersonId(earlierPseudonym).toString()).erased();
    }

    private Optional<Profile> profile(Identity identity) {
        return personalData(identity).map(Profile::of);
    }

    /** The newest record of a person stream and whether it was erased after it. */
    private record Recorded(PersonalDataRecorded data, boolean erased) {
    }

    private Recorded latest(String stream) {
        PersonalDataRecorded latest = null;
        boolean erased = false;
        DomainEventStream found = events.readEvents(stream);
        while (found.hasNext()) {
            DomainEventMessage<?> event = found.next();
            if (event.getPayload() instanceof PersonalDataRecorded recorded) {
                latest = recorded;
                erased = false;
            } else if (event.getPayload() instanceof PersonalDataErased) {
                erased = true;
            }
        }
        return new Recorded(erased && latest != null && latest.data() != null ? null : latest, erased);
    }
}
