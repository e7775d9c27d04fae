package org.civicledger.domain.person;

import org.axonframework.serialization.Revision;
import org.civicledger.domain.shared.SealedText;

/**
 * A person recorded personal data. Since {@code data} was added (compatibly: events stored before it read
 * it as null) the data is sealed like every text, under a key that erasing the person destroys, and
 * {@code ciphertext} and {@code digest} are null; events from before carry those instead (sealed with the
 * person's own key, {@code pd1.<key version>.<…>}), and {@code data} is null.
 */
@Revision("1")
public record PersonalDataRecorded(String personPseudonym, String ciphertext, String digest, SealedText data) {

    /** As recorded before {@code data}: sealed with the person's key. */
    public PersonalDataRecorded(String personPseudonym, String ciphertext, String digest) {
        this(personPseudonym, ciphertext, digest, null);
    }
}
