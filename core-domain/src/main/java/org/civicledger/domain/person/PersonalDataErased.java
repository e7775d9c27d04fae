package org.civicledger.domain.person;

import org.axonframework.serialization.Revision;

/** A person's key was destroyed: every ciphertext sealed with it is unreadable from now on, in every replay. */
@Revision("1")
public record PersonalDataErased(String personPseudonym, ErasureRequester requestedBy, String actorPseudonym) {
}
