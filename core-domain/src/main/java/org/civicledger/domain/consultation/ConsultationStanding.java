package org.civicledger.domain.consultation;

import java.time.Instant;
import java.util.Set;

/** What an answer needs to know of its consultation: the options and the window. */
public record ConsultationStanding(String municipalityId, Set<String> optionIds, Instant opensAt, Instant closesAt,
                                   boolean closed) {

    public boolean acceptsAnswersAt(Instant at) {
        return !closed && !at.isBefore(opensAt) && at.isBefore(closesAt);
    }

    public String describeAt(Instant at) {
        if (closed || !at.isBefore(closesAt)) {
            return "CLOSED";
        }
        return at.isBefore(opensAt) ? "NOT_YET_OPEN" : "OPEN";
    }
}
