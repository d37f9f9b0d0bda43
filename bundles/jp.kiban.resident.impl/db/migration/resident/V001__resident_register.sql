-- The resident register (住民記録). Runs unchanged on Derby and PostgreSQL.
-- One row per change (異動), provisional, confirmed or rejected; all snapshots of a change share its id.
CREATE TABLE resident_change (
  change_id CHAR(36) NOT NULL PRIMARY KEY,
  reason VARCHAR(40) NOT NULL,
  state VARCHAR(20) NOT NULL,
  change_date DATE NOT NULL,
  notification_date DATE,
  processed_on DATE NOT NULL,
  registered_by VARCHAR(64) NOT NULL,
  registered_by_name VARCHAR(200) NOT NULL,
  registered_at TIMESTAMP NOT NULL,
  decided_by VARCHAR(64),
  decided_by_name VARCHAR(200),
  decided_at TIMESTAMP,
  reject_reason VARCHAR(1000),
  confirm_seq BIGINT,
  description VARCHAR(4000) NOT NULL,
  cancelled_change_id CHAR(36),
  cancelled_by CHAR(36),
  CONSTRAINT uq_resident_change_seq UNIQUE (confirm_seq)
);
CREATE INDEX ix_resident_change_state ON resident_change (state);
-- One row per person: the highest confirmed 履歴番号 and the provisional change waiting, if any.
CREATE TABLE resident_person (
  addressee_number CHAR(11) NOT NULL PRIMARY KEY,
  current_history INTEGER,
  pending_change_id CHAR(36)
);
-- Append-only snapshots: every item of the 住民票 after one change, household items copied onto each member.
CREATE TABLE resident_snapshot (
  addressee_number CHAR(11) NOT NULL,
  history_number INTEGER NOT NULL,
  change_id CHAR(36) NOT NULL,
  confirmed BOOLEAN NOT NULL,
  valid_from DATE NOT NULL,
  status VARCHAR(20) NOT NULL,
  resident_type VARCHAR(10) NOT NULL,
  family_name VARCHAR(200) NOT NULL,
  given_name VARCHAR(200) NOT NULL,
  furigana VARCHAR(100) NOT NULL,
  former_surname VARCHAR(200),
  former_surname_furigana VARCHAR(100),
  common_family_name VARCHAR(200),
  common_given_name VARCHAR(200),
  common_name_furigana VARCHAR(100),
  alphabet_name VARCHAR(100),
  birth_date VARCHAR(12) NOT NULL,
  birth_sort INTEGER NOT NULL,
  sex CHAR(1) NOT NULL,
  domicile VARCHAR(500),
  domicile_head VARCHAR(200),
  nationality VARCHAR(100),
  foreign_category VARCHAR(40),
  residence_status VARCHAR(100),
  period_of_stay VARCHAR(50),
  stay_expires_on DATE,
  card_number VARCHAR(20),
  individual_number CHAR(12),
  resident_record_code CHAR(11),
  household_number CHAR(11) NOT NULL,
  relationship CHAR(2) NOT NULL,
  head_family_name VARCHAR(200) NOT NULL,
  head_given_name VARCHAR(200) NOT NULL,
  prefecture CHAR(2) NOT NULL,
  municipality VARCHAR(100) NOT NULL,
  lg_code CHAR(6),
  town VARCHAR(200) NOT NULL,
  lot_number VARCHAR(200) NOT NULL,
  building VARCHAR(200),
  postal_code CHAR(7),
  address_since DATE NOT NULL,
  became_resident_on DATE NOT NULL,
  previous_address VARCHAR(500),
  address_notified_on DATE,
  cert_lg_code CHAR(6),
  cert_planned_date DATE,
  cert_destination VARCHAR(500),
  planned_move_out DATE,
  move_out_destination VARCHAR(500),
  removed_on DATE,
  furigana_key VARCHAR(400) NOT NULL,
  name_key VARCHAR(800) NOT NULL,
  address_key VARCHAR(600) NOT NULL,
  PRIMARY KEY (addressee_number, history_number)
);
CREATE INDEX ix_resident_snapshot_change ON resident_snapshot (change_id);
CREATE INDEX ix_resident_snapshot_household ON resident_snapshot (household_number);
CREATE INDEX ix_resident_snapshot_furigana ON resident_snapshot (furigana_key);
CREATE INDEX ix_resident_snapshot_birth ON resident_snapshot (birth_sort);
CREATE INDEX ix_resident_snapshot_inumber ON resident_snapshot (individual_number);
CREATE INDEX ix_resident_snapshot_rrcode ON resident_snapshot (resident_record_code);
