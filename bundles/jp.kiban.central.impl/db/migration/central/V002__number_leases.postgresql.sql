-- Number leases (PostgreSQL, under row-level security like every central table). The next free number of each
-- kind per municipality; its row is locked while a range is taken, so ranges of one municipality and kind never overlap.
CREATE TABLE central_number_counter (
  municipality_code CHAR(6) NOT NULL,
  kind VARCHAR(30) NOT NULL,
  next_number BIGINT NOT NULL,
  CONSTRAINT pk_central_number_counter PRIMARY KEY (municipality_code, kind)
);
-- Every range ever leased, to which terminal: never given twice, never taken back.
CREATE TABLE central_number_lease (
  municipality_code CHAR(6) NOT NULL,
  lease_id CHAR(36) NOT NULL,
  kind VARCHAR(30) NOT NULL,
  first_number BIGINT NOT NULL,
  last_number BIGINT NOT NULL,
  terminal_id CHAR(36) NOT NULL,
  leased_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_central_number_lease PRIMARY KEY (municipality_code, lease_id),
  CONSTRAINT uq_central_number_lease_first UNIQUE (municipality_code, kind, first_number)
);
ALTER TABLE central_number_counter ENABLE ROW LEVEL SECURITY;
CREATE POLICY central_number_counter_municipality ON central_number_counter
  USING (municipality_code = current_setting('kiban.municipality', true))
  WITH CHECK (municipality_code = current_setting('kiban.municipality', true));
ALTER TABLE central_number_lease ENABLE ROW LEVEL SECURITY;
CREATE POLICY central_number_lease_municipality ON central_number_lease
  USING (municipality_code = current_setting('kiban.municipality', true))
  WITH CHECK (municipality_code = current_setting('kiban.municipality', true));
