package org.civicledger.domain.person;

import java.util.Optional;

/** Opens a person's sealed data while their key exists. A port: the command side keeps the keys. */
public interface PersonalDataVault {

    EncryptedPersonalData seal(Pseudonym person, PersonalData data);

    /** The data, or empty when the person's key was erased (or the ciphertext is not theirs). */
    Optional<PersonalData> open(Pseudonym person, String ciphertext);
}
