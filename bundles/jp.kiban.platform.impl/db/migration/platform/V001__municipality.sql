-- The town or village this installation serves. One row (id = 1) on a terminal.
CREATE TABLE kiban_municipality (
  id INTEGER NOT NULL PRIMARY KEY,
  code CHAR(6) NOT NULL,
  name VARCHAR(100) NOT NULL,
  mayor_title VARCHAR(40) NOT NULL,
  mayor_name VARCHAR(100) NOT NULL,
  demo BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
