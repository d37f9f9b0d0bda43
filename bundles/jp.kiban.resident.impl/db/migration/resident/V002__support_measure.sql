-- 支援措置 (support measures for DV victims and the like): one row per measure as set by a supervisor.
-- A measure is never deleted: clearing it records who cleared it, when and why. At most one row per
-- person has cleared_at NULL (the one that is current); the service keeps it so.
CREATE TABLE resident_support_measure (
  measure_id CHAR(36) NOT NULL PRIMARY KEY,
  addressee_number CHAR(11) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE,
  reason VARCHAR(2000) NOT NULL,
  set_by VARCHAR(64) NOT NULL,
  set_by_name VARCHAR(200) NOT NULL,
  set_at TIMESTAMP NOT NULL,
  cleared_by VARCHAR(64),
  cleared_by_name VARCHAR(200),
  cleared_at TIMESTAMP,
  cleared_note VARCHAR(2000)
);
CREATE INDEX ix_support_measure_person ON resident_support_measure (addressee_number);
