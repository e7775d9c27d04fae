package org.civicledger.query.person;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.domain.person.PersonalDataErased;
import org.civicledger.domain.person.PersonalDataRecorded;
import org.civicledger.domain.person.PersonalDataVault;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.query.readstore.Versioned;
import org.springframework.stereotype.Component;

/**
 * Keeps, per person, only what the inclusion statistics use: gender, age band and local community,
 * opened from the sealed event while the person's key exists. Name and e-mail never enter the read
 * store. After an erasure — and in every rebuild after it, because the key is gone — the document
 * says {@code erased} and holds none of it.
 */
@Component
@ProcessingGroup("people")
public class PersonProjection {

    public static final String COLLECTION = "people";

    private final MongoCollection<Document> people;
    private final PersonalDataVault vault;

    public PersonProjection(MongoDatabase readStore, PersonalDataVault vault) {
        this.people = readStore.getCollection(COLLECTION);
        this.vault = vault;
        prepare();
    }

    /** Rebuilding from zero: forget everything, so that the replay writes every document afresh. */
    @ResetHandler
    void reset() {
        people.drop();
        prepare();
    }

    private void prepare() {
        // no index beyond _id
    }

    @EventHandler
    void on(PersonalDataRecorded event, @SequenceNumber long sequence) {
        Versioned.create(people, event.personPseudonym(), -1, new Document("erased", false));
        Optional<PersonalData> data = vault.open(new Pseudonym(event.personPseudonym()), event.ciphertext());
        Versioned.apply(people, event.personPseudonym(), sequence, data
                .map(d -> Updates.combine(Updates.set("erased", false), Updates.set("gender", d.gender()),
                        Updates.set("ageBand", d.ageBand()), Updates.set("localCommunity", d.localCommunity())))
                .orElseGet(PersonProjection::erased));
    }

    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        Versioned.apply(people, event.personPseudonym(), sequence, erased());
    }

    private static org.bson.conversions.Bson erased() {
        return Updates.combine(Updates.set("erased", true), Updates.unset("gender"), Updates.unset("ageBand"),
                Updates.unset("localCommunity"));
    }
}
