-- Privacy by per-context pseudonyms and sealed texts (docs/privacy.md). Like person_key, these are the
-- only mutable tables beside the events: erasure and redaction destroy rows here; events never change.

-- One secret per person and generation, wrapped by the master key. subject_key is HMAC(pseudonym key,
-- token subject): it says who the row belongs to, never appears in an event, and stays after erasure
-- (with wrapped_secret NULL) only to say when the person was erased. A person's pseudonym in a context
-- is HMAC(secret, context); destroying the secret leaves no way to link their pseudonyms to each other
-- or to them. A person who comes back after an erasure gets the next generation, acting since erased_at
-- of the one before.
CREATE TABLE person_secret (
    subject_key    VARCHAR(64) NOT NULL,
    generation     INT         NOT NULL,
    wrapped_secret BYTEA,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at      TIMESTAMPTZ,
    PRIMARY KEY (subject_key, generation)
);

-- One key per sealed text, wrapped by the master key. writer_tag is HMAC(secret, "erasure") of the
-- person who wrote the text (NULL for official texts): erasing that person deletes every row with their
-- tag, leaving nothing that tells which texts were theirs. A redaction keeps the row without its key.
CREATE TABLE text_key (
    key_id       VARCHAR(32) NOT NULL,
    writer_tag   VARCHAR(64),
    wrapped_key  BYTEA,
    redacted     BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (key_id)
);
CREATE INDEX text_key_writer ON text_key (writer_tag) WHERE writer_tag IS NOT NULL;

-- Moved by every destruction of keys, in the same transaction: each instance forgets the keys it holds
-- in memory when it sees this move, so a destroyed key opens nothing anywhere within a second.
CREATE TABLE text_key_epoch (
    id    INT    NOT NULL PRIMARY KEY,
    epoch BIGINT NOT NULL
);
INSERT INTO text_key_epoch (id, epoch) VALUES (1, 0);

-- When per-context pseudonyms began, and whether votes or consultation answers were stored before under
-- person-wide pseudonyms: if so, a person's earlier ballot or answer is still looked up by that name, so
-- that one vote per person per idea and one answer per consultation hold across the change.
CREATE TABLE privacy_cutover (
    id             INT         NOT NULL PRIMARY KEY,
    began_at       TIMESTAMPTZ NOT NULL,
    earlier_acts   BOOLEAN     NOT NULL
);
INSERT INTO privacy_cutover (id, began_at, earlier_acts)
SELECT 1, now(), EXISTS (SELECT 1 FROM domain_event_entry WHERE payload_type IN
    ('org.civicledger.domain.vote.VoteCast', 'org.civicledger.domain.consultation.ConsultationAnswered'));
