package org.civicledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person records (or replaces) what they chose to tell about themselves, already sealed. */
public record RecordPersonalData(@TargetAggregateIdentifier PersonId personId, EncryptedPersonalData data) {
}
