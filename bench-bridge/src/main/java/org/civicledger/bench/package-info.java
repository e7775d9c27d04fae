/**
 * The bench bridge: MQTT in and out for the smart benches (contract section 4). Messages are
 * verified (Ed25519 JWS), de-duplicated by {@code messageId} and turned into commands of the
 * domain; a message is acknowledged only after its event is stored. Built under its own issue.
 */
package org.civicledger.bench;
