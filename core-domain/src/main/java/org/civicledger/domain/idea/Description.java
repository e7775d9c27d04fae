package org.civicledger.domain.idea;

import org.civicledger.domain.shared.Text;

/** What the citizen proposes, in their words: 1 to 5,000 characters, line breaks allowed. */
public record Description(String value) {

    public static final int MAX_LENGTH = 5_000;

    public Description {
        value = Text.require("description", value, 1, MAX_LENGTH, true);
    }
}
