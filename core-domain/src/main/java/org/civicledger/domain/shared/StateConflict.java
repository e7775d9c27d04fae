package org.civicledger.domain.shared;

/**
 * The command is not allowed in the current state of what it acts on (answered as {@code 409},
 * naming the current state), e.g. voting twice or answering an idea that was never forwarded.
 */
public class StateConflict extends RuntimeException {

    private final String currentState;

    public StateConflict(String currentState, String message) {
        super(message);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
