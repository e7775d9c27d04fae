-- Streams found by the start of their names (StreamsByPrefix): an idea's ballots are the streams
-- ballot-<ideaId>-<voter>, and only their common prefix finds them all (the audit trail of an idea).
-- The unique key on (aggregate_identifier, sequence_number) serves a LIKE 'prefix%' only under the "C"
-- collation; varchar_pattern_ops compares character by character whatever the database's collation.
-- One more index on the events table, written with every event: the price of answering an auditor from the
-- events themselves rather than from a projection.
CREATE INDEX domain_event_entry_stream_prefix ON domain_event_entry (aggregate_identifier varchar_pattern_ops);
