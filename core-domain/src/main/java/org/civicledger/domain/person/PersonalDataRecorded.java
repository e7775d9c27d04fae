package org.civicledger.domain.person;

import org.axonframework.serialization.Revision;

/** A person recorded personal data, sealed with their key: only ciphertext and its SHA-256 digest are in the event. */
@Revision("1")
public record PersonalDataRecorded(String personPseudonym, String ciphertext, String digest) {
}
