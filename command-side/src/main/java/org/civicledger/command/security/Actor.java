package org.civicledger.command.security;

import org.civicledger.command.person.Pseudonyms;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Who is acting, from the verified token: their pseudonym and the CSO or municipality they act for. */
@Component
public class Actor {

    private final Pseudonyms pseudonyms;

    Actor(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public Pseudonym pseudonym(Jwt token) {
        return pseudonyms.of(token.getSubject());
    }

    /** The CSO a {@code CSO_MEMBER} token acts for (claim {@code csoId}). */
    public CsoId cso(Jwt token) {
        String claim = token.getClaimAsString("csoId");
        try {
            return CsoId.parse("csoId", claim);
        } catch (InvalidField e) {
            throw new NotPermitted("The token names no CSO (claim csoId) to act for");
        }
    }

    /** The municipality a {@code MUNICIPAL_OFFICER} token acts for (claim {@code municipalityId}). */
    public MunicipalityId municipality(Jwt token) {
        String claim = token.getClaimAsString("municipalityId");
        try {
            return new MunicipalityId(claim);
        } catch (InvalidField e) {
            throw new NotPermitted("The token names no municipality (claim municipalityId) to act for");
        }
    }
}
