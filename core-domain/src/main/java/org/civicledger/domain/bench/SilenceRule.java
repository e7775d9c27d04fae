package org.civicledger.domain.bench;

import java.time.Duration;
import org.civicledger.domain.shared.InvalidField;

/** How long a bench in service may say nothing before it is recorded as silent. */
public record SilenceRule(Duration after) {

    public SilenceRule {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new InvalidField("silentAfter", "must be a positive duration");
        }
    }
}
