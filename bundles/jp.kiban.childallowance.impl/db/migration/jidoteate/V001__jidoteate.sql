-- 児童手当 (module jidoteate). Own copy of the resident items this business needs; never references resident_*.
-- Months (支給開始月, 対象月 …) are stored as the first day of the month.

-- 受給者: one row per 認定 (a person certified again after a 消滅 gets a new row)
CREATE TABLE jidoteate_recipient (
  id CHAR(36) NOT NULL PRIMARY KEY,
  addressee_number VARCHAR(20) NOT NULL,
  household_number VARCHAR(20) NOT NULL,
  name VARCHAR(200) NOT NULL,
  furigana VARCHAR(200) NOT NULL,
  birth_date DATE NOT NULL,
  postal_code VARCHAR(10) NOT NULL,
  address VARCHAR(400) NOT NULL,
  application_date DATE NOT NULL,
  application_trigger VARCHAR(20) NOT NULL,
  event_date DATE,
  start_month DATE NOT NULL,
  end_month DATE,
  extinction_reason VARCHAR(20),
  extinction_date DATE,
  recorded_by VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX jidoteate_recipient_person ON jidoteate_recipient (addressee_number);
CREATE INDEX jidoteate_recipient_household ON jidoteate_recipient (household_number);

-- 対象児童 (and older children counted for the order); addressee_number is NULL for a child living elsewhere
CREATE TABLE jidoteate_child (
  id CHAR(36) NOT NULL PRIMARY KEY,
  recipient_id CHAR(36) NOT NULL,
  addressee_number VARCHAR(20),
  name VARCHAR(200) NOT NULL,
  furigana VARCHAR(200) NOT NULL,
  birth_date DATE NOT NULL,
  relationship VARCHAR(40) NOT NULL,
  from_month DATE NOT NULL,
  until_month DATE,
  supported_from DATE,
  end_reason VARCHAR(20),
  recorded_by VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX jidoteate_child_recipient ON jidoteate_child (recipient_id);
CREATE INDEX jidoteate_child_person ON jidoteate_child (addressee_number);

-- 認定・額改定・消滅, in order
CREATE TABLE jidoteate_revision (
  id CHAR(36) NOT NULL PRIMARY KEY,
  recipient_id CHAR(36) NOT NULL,
  seq INTEGER NOT NULL,
  kind VARCHAR(20) NOT NULL,
  effective_month DATE NOT NULL,
  monthly_amount BIGINT NOT NULL,
  application_date DATE,
  event_date DATE,
  detail VARCHAR(400) NOT NULL,
  recorded_by VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX jidoteate_revision_recipient ON jidoteate_revision (recipient_id);

-- notices sent (認定通知書 …): what was printed, for whom, when
CREATE TABLE jidoteate_notice (
  id CHAR(36) NOT NULL PRIMARY KEY,
  recipient_id CHAR(36) NOT NULL,
  revision_id CHAR(36) NOT NULL,
  title VARCHAR(100) NOT NULL,
  notice_date DATE NOT NULL,
  monthly_amount BIGINT NOT NULL,
  issued_by VARCHAR(64) NOT NULL,
  issued_at TIMESTAMP NOT NULL
);
CREATE INDEX jidoteate_notice_recipient ON jidoteate_notice (recipient_id);

-- 確認事項 raised by resident events
CREATE TABLE jidoteate_task (
  id CHAR(36) NOT NULL PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  kind VARCHAR(30) NOT NULL,
  change_id VARCHAR(36),
  household_number VARCHAR(20),
  addressee_number VARCHAR(20),
  recipient_id CHAR(36),
  change_date DATE NOT NULL,
  deadline DATE,
  subject VARCHAR(400) NOT NULL,
  done BOOLEAN NOT NULL,
  resolved_by VARCHAR(64),
  resolved_at TIMESTAMP,
  note VARCHAR(400)
);
CREATE INDEX jidoteate_task_done ON jidoteate_task (done);
