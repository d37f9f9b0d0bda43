-- 交付履歴 (標準仕様書 1.3.8): one row per certificate issued, or per attempt refused (refusal set, no
-- issue_number). Written in the transaction that takes the 発行番号, so a form that was not produced
-- leaves no "issued" row; refusals are written in a transaction of their own.
CREATE TABLE forms_issue_history (
  entry_id CHAR(36) NOT NULL PRIMARY KEY,
  issued_at TIMESTAMP NOT NULL,
  issued_on DATE NOT NULL,
  operator_id VARCHAR(64) NOT NULL,
  operator_name VARCHAR(200) NOT NULL,
  terminal VARCHAR(100) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  requested_for CHAR(11) NOT NULL,
  issue_number VARCHAR(20),
  pages INTEGER NOT NULL,
  items VARCHAR(500) NOT NULL,
  individual_number BOOLEAN NOT NULL,
  refusal VARCHAR(100)
);
CREATE INDEX ix_issue_history_day ON forms_issue_history (issued_on);
-- 交付対象者: every person on the form (the person asked for, for a refusal).
CREATE TABLE forms_issue_subject (
  entry_id CHAR(36) NOT NULL,
  addressee_number CHAR(11) NOT NULL,
  seq_no INTEGER NOT NULL,
  PRIMARY KEY (entry_id, addressee_number)
);
CREATE INDEX ix_issue_subject_person ON forms_issue_subject (addressee_number);
