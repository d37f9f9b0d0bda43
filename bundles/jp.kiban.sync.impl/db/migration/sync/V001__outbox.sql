-- The local outbox (runs unchanged on Derby and PostgreSQL). One row per change to ship to the central
-- store, written in the same transaction as the change. local_seq is the commit order on this terminal.
CREATE TABLE sync_outbox (
  local_seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id CHAR(36) NOT NULL,
  municipality_code CHAR(6),
  event_type VARCHAR(100) NOT NULL,
  group_id VARCHAR(36),
  aggregate_key VARCHAR(40),
  base_history INTEGER,
  new_history INTEGER,
  payload VARCHAR(32000) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  pushed_at TIMESTAMP,
  CONSTRAINT uq_sync_outbox_event UNIQUE (event_id)
);
CREATE INDEX ix_sync_outbox_pending ON sync_outbox (pushed_at, local_seq);
