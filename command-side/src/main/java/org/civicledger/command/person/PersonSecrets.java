package org.civicledger.command.person;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each person's secret ({@code person_secret}), one live generation at a time, wrapped by the master key.
 * A person gets their first secret when they first act; erasing them destroys it, and they act under a
 * new generation if they come back, since the moment of the erasure.
 */
@Component
public class PersonSecrets {

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    private final Pseudonyms pseudonyms;
    private final SecureRandom random = new SecureRandom();

    public PersonSecrets(DataSource dataSource, MasterKey master, Pseudonyms pseudonyms) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = master;
        this.pseudonyms = pseudonyms;
    }

    private record Generation(int number, byte[] wrapped, Instant erasedAt) {
    }

    /** The person's live identity, created (as the next generation) when they have none. */
    public Identity identify(String subject) {
        String subjectKey = pseudonyms.of(subject).value();
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Generation> generations = generations(subjectKey);
            Optional<Identity> live = live(subjectKey, generations);
            if (live.isPresent()) {
                return live.get();
            }
            int next = generations.isEmpty() ? 1 : generations.get(0).number() + 1;
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            jdbc.update("insert into person_secret (subject_key, generation, wrapped_secret) values (?, ?, ?) "
                    + "on conflict do nothing", subjectKey, next, master.wrap(new SecretKeySpec(secret, "AES")));
        }
        throw new IllegalStateException("Could not create a person's secret after 3 attempts");
    }

    /** The person's live identity, if they have one; never creates one. */
    public Optional<Identity> live(String subject) {
        String subjectKey = pseudonyms.of(subject).value();
        return live(subjectKey, generations(subjectKey));
    }

    /** When the person was last erased, if ever. */
    public Optional<Instant> erasedAt(String subject) {
        return generations(pseudonyms.of(subject).value()).stream().map(Generation::erasedAt)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Destroys the identity's secret for good; joins the caller's transaction. Answers whether it was live. */
    public boolean erase(Identity identity) {
        return jdbc.update("update person_secret set wrapped_secret = null, erased_at = now() "
                + "where subject_key = ? and generation = ? and wrapped_secret is not null",
                identity.subjectKey(), identity.generation()) == 1;
    }

    private List<Generation> generations(String subjectKey) {
        return jdbc.query("select generation, wrapped_secret, erased_at from person_secret where subject_key = ? "
                + "order by generation desc", (rs, i) -> {
                    Timestamp erased = rs.getTimestamp(3);
                    return new Generation(rs.getInt(1), rs.getBytes(2), erased == null ? null : erased.toInstant());
                }, subjectKey);
    }

    private Optional<Identity> live(String subjectKey, List<Generation> generations) {
        if (generations.isEmpty() || generations.get(0).wrapped() == null) {
            return Optional.empty();
        }
        Generation current = generations.get(0);
        Instant since = generations.stream().map(Generation::erasedAt).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return Optional.of(new Identity(subjectKey, current.number(), master.unwrap(current.wrapped()).getEncoded(), since));
    }
}
