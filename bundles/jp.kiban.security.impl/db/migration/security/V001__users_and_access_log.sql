-- Organisation units (課/係): their roles and businesses are added to their members'.
CREATE TABLE security_unit (
  code VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  roles VARCHAR(200) NOT NULL,
  businesses VARCHAR(400) NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

-- Users. password_hash holds the algorithm and its parameters with the salt and hash
-- (pbkdf2-sha256$iterations$salt$hash), so the cost can be raised later (rehash at the next login).
CREATE TABLE security_user (
  id VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  unit_code VARCHAR(32) NOT NULL,
  roles VARCHAR(200) NOT NULL,
  businesses VARCHAR(400) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  must_change_password BOOLEAN NOT NULL,
  password_changed_at TIMESTAMP NOT NULL,
  enabled BOOLEAN NOT NULL,
  locked BOOLEAN NOT NULL,
  failed_logins INTEGER NOT NULL,
  second_factor_kind VARCHAR(32),
  second_factor_data VARCHAR(500),
  second_factor_last BIGINT NOT NULL,
  last_login_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

-- The access log: immutable rows chained by SHA-256 (entry_hash covers the fields and previous_hash).
-- occurred_at is epoch milliseconds (UTC), the same on every engine and in the hash.
CREATE TABLE security_access_entry (
  id CHAR(36) NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL,
  occurred_at BIGINT NOT NULL,
  operator_id VARCHAR(64) NOT NULL,
  operator_name VARCHAR(100) NOT NULL,
  terminal VARCHAR(100) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  operation VARCHAR(100) NOT NULL,
  persons INTEGER NOT NULL,
  number_shown BOOLEAN NOT NULL,
  detail VARCHAR(1000) NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  entry_hash CHAR(64) NOT NULL,
  CONSTRAINT security_access_entry_seq UNIQUE (seq)
);
CREATE INDEX security_access_entry_at ON security_access_entry (occurred_at);
CREATE INDEX security_access_entry_op ON security_access_entry (operator_id);

-- The persons of an entry (for a search: its hits), in order; covered by the entry's hash.
CREATE TABLE security_access_person (
  entry_id CHAR(36) NOT NULL,
  ordinal INTEGER NOT NULL,
  addressee_number VARCHAR(20) NOT NULL,
  PRIMARY KEY (entry_id, ordinal)
);
CREATE INDEX security_access_person_no ON security_access_person (addressee_number);

-- The end of the chain: one row, moved forward with each entry under a compare-and-set, so that two
-- writers can never fork the chain and a removed last entry is noticed.
CREATE TABLE security_access_head (
  id INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO security_access_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
