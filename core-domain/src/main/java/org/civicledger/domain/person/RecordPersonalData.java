package org.civicledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person records (or replaces) what they chose to tell about themselves; it is sealed under their erasure tag. */
public record RecordPersonalData(@TargetAggregateIdentifier PersonId personId, PersonalData data, ErasureTag erasure) {
}
