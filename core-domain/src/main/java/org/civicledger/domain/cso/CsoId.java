package org.civicledger.domain.cso;

import java.util.UUID;
import org.civicledger.domain.shared.InvalidField;

/** A civil-society organisation of the network, by UUID; its stream is {@code cso-<uuid>}. */
public record CsoId(UUID value) {

    public CsoId {
        if (value == null) {
            throw new InvalidField("csoId", "is required");
        }
    }

    public static CsoId parse(String field, String text) {
        try {
            return new CsoId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidField(field, "must be a CSO id (a UUID)");
        }
    }

    @Override
    public String toString() {
        return "cso-" + value;
    }
}
