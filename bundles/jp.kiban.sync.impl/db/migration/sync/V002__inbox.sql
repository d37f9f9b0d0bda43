-- What the central store answered for each pushed entry (APPLIED, DUPLICATE, CONFLICT) and its central sequence.
ALTER TABLE sync_outbox ADD COLUMN outcome VARCHAR(10);
ALTER TABLE sync_outbox ADD COLUMN central_seq BIGINT;
-- Every event of the municipality pulled from the central store, in central order (this terminal's own included,
-- marked). The feed from which the local replica is brought up to date.
CREATE TABLE sync_inbox (
  central_seq BIGINT NOT NULL PRIMARY KEY,
  event_id CHAR(36) NOT NULL,
  municipality_code CHAR(6) NOT NULL,
  terminal_id CHAR(36) NOT NULL,
  event_type VARCHAR(100) NOT NULL,
  group_id VARCHAR(36),
  aggregate_key VARCHAR(40),
  base_history INTEGER,
  new_history INTEGER,
  payload VARCHAR(32000) NOT NULL,
  received_at TIMESTAMP NOT NULL,
  own BOOLEAN NOT NULL,
  CONSTRAINT uq_sync_inbox_event UNIQUE (event_id)
);
