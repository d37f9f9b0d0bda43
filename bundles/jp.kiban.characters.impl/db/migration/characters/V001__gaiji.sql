-- 外字 table for migration: a legacy Private Use Area code point -> the standard name character (base [+ IVS]).
CREATE TABLE characters_gaiji (
  legacy_code_point INTEGER NOT NULL PRIMARY KEY,
  legacy_code VARCHAR(16) NOT NULL,
  target VARCHAR(16) NOT NULL,
  note VARCHAR(200),
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);
