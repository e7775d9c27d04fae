package org.civicledger.domain.idea;

/** Where an idea was left: on a smart bench (over MQTT) or on the web (over the API). */
public enum Channel {
    WEB, BENCH
}
