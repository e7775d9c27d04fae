package org.civicledger.domain.idea;

import org.civicledger.domain.shared.Text;

/** An idea's title: one line, 5 to 200 characters. */
public record Title(String value) {

    public Title {
        value = Text.require("title", value, 5, 200, false);
    }
}
