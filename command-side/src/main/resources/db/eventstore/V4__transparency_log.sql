-- The public transparency log (contract section 5): one entry per stored event, in the order the log
-- received it, written by a single writer in the same transaction as its position in the event stream.
-- Nothing in the application updates or deletes a row of these tables.
CREATE TABLE transparency_entry (
    log_index BIGINT       NOT NULL,
    event_id  VARCHAR(255) NOT NULL,
    entry     BYTEA        NOT NULL,
    leaf_hash BYTEA        NOT NULL,
    PRIMARY KEY (log_index),
    CONSTRAINT transparency_entry_event UNIQUE (event_id)
);

-- Every checkpoint the log signed, kept so that anyone can ask for consistency between any two.
CREATE TABLE transparency_checkpoint (
    tree_size BIGINT                   NOT NULL,
    root_hash BYTEA                    NOT NULL,
    note      TEXT                     NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tree_size)
);
