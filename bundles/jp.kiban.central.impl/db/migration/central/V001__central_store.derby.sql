-- The central store of many municipalities (Derby: isolation in the server code only).
CREATE TABLE central_terminal (
  terminal_id CHAR(36) NOT NULL PRIMARY KEY,
  municipality_code CHAR(6) NOT NULL,
  name VARCHAR(200) NOT NULL,
  token_hash CHAR(64) NOT NULL,
  registered_at TIMESTAMP NOT NULL,
  revoked_at TIMESTAMP,
  CONSTRAINT uq_central_terminal_token UNIQUE (token_hash)
);
-- The per-municipality sequence; its row is locked by every push, so that sequence order is commit order.
CREATE TABLE central_sequence (
  municipality_code CHAR(6) NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL
);
-- Every applied change, in the municipality's order. event_id is unique per municipality: a batch sent twice is applied once.
CREATE TABLE central_event (
  municipality_code CHAR(6) NOT NULL,
  seq BIGINT NOT NULL,
  event_id CHAR(36) NOT NULL,
  terminal_id CHAR(36) NOT NULL,
  local_seq BIGINT NOT NULL,
  event_type VARCHAR(100) NOT NULL,
  group_id VARCHAR(36),
  aggregate_key VARCHAR(40),
  base_history INTEGER,
  new_history INTEGER,
  payload VARCHAR(32000) NOT NULL,
  received_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_central_event PRIMARY KEY (municipality_code, seq),
  CONSTRAINT uq_central_event_id UNIQUE (municipality_code, event_id)
);
-- The current 履歴番号 of every entity (e.g. 宛名番号) and the event that made it so.
CREATE TABLE central_aggregate (
  municipality_code CHAR(6) NOT NULL,
  aggregate_key VARCHAR(40) NOT NULL,
  current_history INTEGER NOT NULL,
  last_seq BIGINT NOT NULL,
  CONSTRAINT pk_central_aggregate PRIMARY KEY (municipality_code, aggregate_key)
);
-- The review queue: changes based on a 履歴番号 that was no longer current. Never applied silently, never lost.
CREATE TABLE central_conflict (
  municipality_code CHAR(6) NOT NULL,
  conflict_id CHAR(36) NOT NULL,
  event_id CHAR(36) NOT NULL,
  terminal_id CHAR(36) NOT NULL,
  local_seq BIGINT NOT NULL,
  event_type VARCHAR(100) NOT NULL,
  group_id VARCHAR(36),
  aggregate_key VARCHAR(40),
  base_history INTEGER,
  new_history INTEGER,
  current_history INTEGER,
  payload VARCHAR(32000) NOT NULL,
  received_at TIMESTAMP NOT NULL,
  state VARCHAR(10) NOT NULL,
  decided_by VARCHAR(200),
  decided_at TIMESTAMP,
  note VARCHAR(1000),
  applied_seq BIGINT,
  CONSTRAINT pk_central_conflict PRIMARY KEY (municipality_code, conflict_id),
  CONSTRAINT uq_central_conflict_event UNIQUE (municipality_code, event_id)
);
CREATE INDEX ix_central_conflict_state ON central_conflict (municipality_code, state);
