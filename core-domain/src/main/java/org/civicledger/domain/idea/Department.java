package org.civicledger.domain.idea;

import org.civicledger.domain.shared.Text;

/** The municipal department responsible for an answer, by name: 2 to 200 characters. */
public record Department(String name) {

    public Department {
        name = Text.require("department", name, 2, 200, false);
    }
}
