-- 住登外者: people taxed or served by the town who do not live in it, one row per 宛名番号 (kind NON_RESIDENT).
-- The address is either in Japan (prefecture_code .. building) or abroad (address_abroad), or unknown (all null).
CREATE TABLE addressee_non_resident (
  addressee_number CHAR(11) NOT NULL PRIMARY KEY,
  family_name VARCHAR(200),
  given_name VARCHAR(200),
  alphabet_name VARCHAR(100),
  furigana VARCHAR(100) NOT NULL,
  furigana_key VARCHAR(100) NOT NULL,
  birth_date VARCHAR(12) NOT NULL,
  gender VARCHAR(10),
  postal_code CHAR(7),
  prefecture_code CHAR(2),
  municipality VARCHAR(100),
  local_government_code CHAR(6),
  town VARCHAR(100),
  lot_number VARCHAR(100),
  building VARCHAR(200),
  address_abroad VARCHAR(700),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);
CREATE INDEX addressee_non_resident_furigana ON addressee_non_resident (furigana_key);
