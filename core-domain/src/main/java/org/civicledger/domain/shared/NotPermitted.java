package org.civicledger.domain.shared;

/**
 * The actor may not do this here, although their role allows the kind of call (answered as
 * {@code 403}): an officer of another municipality, a member of a CSO not active there.
 */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
