-- 本人通知制度 (module resident_notification): registrations and the notices of issued certificates.
-- Reads the 交付履歴 only through the forms' IssueEvents; never references forms_* or resident_* tables.
CREATE TABLE notification_registration (
  id CHAR(36) NOT NULL PRIMARY KEY,
  addressee_number VARCHAR(20) NOT NULL,
  person_name VARCHAR(200) NOT NULL,
  valid_from DATE NOT NULL,
  valid_until DATE,
  ended_on DATE,
  end_reason VARCHAR(400),
  note VARCHAR(400) NOT NULL,
  registered_by VARCHAR(64) NOT NULL,
  registered_at TIMESTAMP NOT NULL
);
CREATE INDEX notification_registration_person ON notification_registration (addressee_number);

-- one row per issued certificate and registered person on it
CREATE TABLE notification_notice (
  id CHAR(36) NOT NULL PRIMARY KEY,
  registration_id CHAR(36) NOT NULL,
  addressee_number VARCHAR(20) NOT NULL,
  issue_entry_id VARCHAR(40) NOT NULL,
  issue_number VARCHAR(40) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  issued_on DATE NOT NULL,
  pages INTEGER NOT NULL,
  requester VARCHAR(20) NOT NULL,
  sent_at TIMESTAMP,
  sent_by VARCHAR(64),
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX notification_notice_issue ON notification_notice (issue_number);

-- 交付請求者区分 as recorded at the counter, by 発行番号 (also when recorded before the issue event arrived)
CREATE TABLE notification_requester (
  issue_number VARCHAR(40) NOT NULL PRIMARY KEY,
  requester VARCHAR(20) NOT NULL,
  recorded_by VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
