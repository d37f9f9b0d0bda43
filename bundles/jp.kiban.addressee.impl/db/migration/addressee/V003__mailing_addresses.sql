-- 送付先: per 宛名番号 and business, a mailing address for a period (valid_to null = open-ended).
-- At most one row per number and business covers any day (kept so by MailingAddressesComponent).
CREATE TABLE addressee_mailing (
  id CHAR(36) NOT NULL PRIMARY KEY,
  addressee_number CHAR(11) NOT NULL,
  business VARCHAR(40) NOT NULL,
  recipient VARCHAR(120),
  postal_code CHAR(7),
  prefecture_code CHAR(2),
  municipality VARCHAR(100),
  local_government_code CHAR(6),
  town VARCHAR(100),
  lot_number VARCHAR(100),
  building VARCHAR(200),
  address_abroad VARCHAR(700),
  valid_from DATE NOT NULL,
  valid_to DATE,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);
CREATE INDEX addressee_mailing_number ON addressee_mailing (addressee_number, business, valid_from);
