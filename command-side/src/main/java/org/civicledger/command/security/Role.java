package org.civicledger.command.security;

/** The roles a token can carry (claim {@code roles}); Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    CITIZEN, CSO_MEMBER, MUNICIPAL_OFFICER, NETWORK_COORDINATOR, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
