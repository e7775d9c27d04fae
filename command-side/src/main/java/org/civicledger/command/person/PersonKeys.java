package org.civicledger.command.person;

import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys personal data was sealed with before it was sealed like every other text: one AES-256 key
 * per person-wide pseudonym and version ({@code person_key}), wrapped by the master key. Nothing new is
 * sealed with them; they open what was recorded then, and erasing the person destroys them.
 */
@Component
public class PersonKeys {

    private final JdbcTemplate jdbc;
    private final MasterKey master;

    public PersonKeys(DataSource dataSource, MasterKey master) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = master;
    }

    /** The key of that version, unless it was erased. */
    public Optional<SecretKey> find(String pseudonym, int version) {
        List<byte[]> wrapped = jdbc.query("select wrapped_key from person_key where pseudonym = ? and key_version = ?"
                + " and wrapped_key is not null", (rs, i) -> rs.getBytes(1), pseudonym, version);
        return wrapped.stream().findFirst().map(master::unwrap);
    }

    /** Destroys every key of the person; returns how many were destroyed. Joins the caller's transaction. */
    public int erase(String pseudonym) {
        return jdbc.update("update person_key set wrapped_key = null, erased_at = now() "
                + "where pseudonym = ? and wrapped_key is not null", pseudonym);
    }
}
