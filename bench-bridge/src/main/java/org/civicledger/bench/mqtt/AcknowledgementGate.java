package org.civicledger.bench.mqtt;

import org.civicledger.bench.message.Outcome;

/**
 * Asked after a message's outcome is known and before it is acknowledged. The bridge always
 * proceeds; tests put a gate here that says no, which is what a crash between storing and
 * acknowledging looks like to the bench or broker: the connection drops and no PUBACK is sent.
 */
@FunctionalInterface
public interface AcknowledgementGate {

    AcknowledgementGate OPEN = outcome -> true;

    boolean proceed(Outcome outcome);
}
