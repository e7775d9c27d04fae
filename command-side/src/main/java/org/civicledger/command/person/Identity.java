package org.civicledger.command.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.person.PersonId;
import org.civicledger.domain.person.Pseudonym;

/**
 * A signed-in person as the command side knows them while they act: their current secret, from which
 * every pseudonym of theirs is derived — one per context, the context being the stream of what they act
 * on ({@code idea-<uuid>} for an idea and its ballots, {@code consultation-<uuid>} for a consultation and
 * its answers, {@code cso-<uuid>}, {@code bench-<id>}, {@code eloge-<municipality>-<year>}, and
 * {@code person} for their own personal data). Two pseudonyms of one person share nothing; once the
 * secret is destroyed no one can derive them again.
 *
 * @param subjectKey the person-wide key of the token subject (never in an event since per-context
 *                   pseudonyms; the pseudonym events carried before)
 * @param actsSince  when the generation before this one was erased, or null: what began earlier is closed to them
 */
public record Identity(String subjectKey, int generation, byte[] secret, Instant actsSince) {

    /** The person's pseudonym in the context of {@code about}, whose {@code toString} is a stream name. */
    public Pseudonym in(Object about) {
        return new Pseudonym(mac("pseudonym:" + about));
    }

    /** What the keys of their texts and profiles carry, so that erasing them destroys every one. */
    public ErasureTag erasure() {
        return new ErasureTag(mac("erasure"));
    }

    /** Their personal-data stream. */
    public PersonId person() {
        return new PersonId(in("person"));
    }

    /** The person-wide pseudonym that events carried before per-context pseudonyms. */
    public Pseudonym earlier() {
        return new Pseudonym(subjectKey);
    }

    private String mac(String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "identity generation " + generation; // never the secret or the subject
    }
}
