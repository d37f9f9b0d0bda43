-- 住所辞書: the town's 町字 with its own codes, readings (full-width katakana, no spaces) and postal codes.
CREATE TABLE addressee_town (
  town_code VARCHAR(12) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  kana VARCHAR(100) NOT NULL,
  postal_code CHAR(7),
  municipality VARCHAR(100),
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);
CREATE INDEX addressee_town_name ON addressee_town (name);
CREATE INDEX addressee_town_kana ON addressee_town (kana);
