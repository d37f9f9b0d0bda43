-- Number ranges owned by this installation: 宛名番号 and 世帯番号 serials (check digit computed in Java).
CREATE TABLE addressee_number_range (
  name VARCHAR(20) NOT NULL PRIMARY KEY,
  next_serial BIGINT NOT NULL,
  last_serial BIGINT NOT NULL
);
INSERT INTO addressee_number_range (name, next_serial, last_serial) VALUES ('addressee', 1, 9999999999);
INSERT INTO addressee_number_range (name, next_serial, last_serial) VALUES ('household', 1, 9999999999);
-- Every 宛名番号 ever assigned or registered here, with its kind: one number per person for life.
CREATE TABLE addressee (
  addressee_number CHAR(11) NOT NULL PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
