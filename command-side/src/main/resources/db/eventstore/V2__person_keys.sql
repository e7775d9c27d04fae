-- Per-person data keys, wrapped by the master key. The only mutable table beside the events:
-- erasing a person's data sets wrapped_key to NULL ("crypto-shredding"); events are never touched.
CREATE TABLE person_key (
    pseudonym   VARCHAR(64) NOT NULL,
    key_version INT         NOT NULL,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ,
    PRIMARY KEY (pseudonym, key_version)
);
