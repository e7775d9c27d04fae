package org.civicledger.domain.shared;

/**
 * A value sent by a client breaks a rule of the domain. Names the field so that the client can
 * show the message beside the right input.
 */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
