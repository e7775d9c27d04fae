package org.civicledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person, or an administrator for them, asks for their personal data to be erased. */
public record ErasePersonalData(@TargetAggregateIdentifier PersonId personId, ErasureRequester requestedBy, Pseudonym actor) {
}
