-- Number ranges leased to this terminal by the central store (宛名番号, 世帯番号, 発行番号 ...), so that they can be
-- assigned offline. next_number = last_number + 1 when a lease is used up; rows are kept (what was leased when).
CREATE TABLE sync_number_lease (
  lease_id CHAR(36) NOT NULL PRIMARY KEY,
  kind VARCHAR(30) NOT NULL,
  first_number BIGINT NOT NULL,
  last_number BIGINT NOT NULL,
  next_number BIGINT NOT NULL,
  leased_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_sync_number_lease_kind ON sync_number_lease (kind, first_number);
