package org.civicledger.domain.consultation;

import java.util.Optional;

/** Looks up a consultation's current standing. A port, answered from the event store. */
@FunctionalInterface
public interface ConsultationWindow {

    Optional<ConsultationStanding> standingOf(ConsultationId consultationId);
}
