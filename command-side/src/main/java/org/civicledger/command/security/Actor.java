package org.civicledger.command.security;

import org.civicledger.command.person.Identity;
import org.civicledger.command.person.Participants;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.NotPermitted;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who is acting, from the verified token: their identity, their pseudonym in the context of what they act
 * on (never the same in two contexts), and the CSO or municipality they act for.
 */
@Component
public class Actor {

    private final Participants participants;

    Actor(Participants participants) {
        this.participants = participants;
    }

    /** The person's live identity (their secret is created the first time they act). */
    public Identity identity(Jwt token) {
        return participants.identify(token.getSubject());
    }

    /** Their pseudonym in the context of {@code about}: the stream of the idea, consultation, CSO… acted on. */
    public Pseudonym pseudonymIn(Jwt token, Object about) {
        return identity(token).in(about);
    }

    /** As {@link #pseudonymIn}, with their erasure tag and the profile they stated, for acts that count them. */
    public Participant participantIn(Jwt token, Object about) {
        return participants.in(identity(token), about);
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
