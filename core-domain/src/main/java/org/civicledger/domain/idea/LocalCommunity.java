package org.civicledger.domain.idea;

import org.civicledger.domain.shared.Text;

/** A local community (MZ, mjesna zajednica) inside a municipality, by its name. */
public record LocalCommunity(String name) {

    public LocalCommunity {
        name = Text.require("localCommunity", name, 2, 100, false);
    }

    /** An absent or blank name means the idea is for the whole municipality. */
    public static LocalCommunity optional(String name) {
        return name == null || name.isBlank() ? null : new LocalCommunity(name);
    }
}
