-- 発行番号: one counter per kind of form; a number is taken in the transaction that issues the form,
-- so a form that is not produced (e.g. a character the font lacks) gives its number back.
CREATE TABLE forms_issue_counter (
  counter_name VARCHAR(32) NOT NULL PRIMARY KEY,
  last_value BIGINT NOT NULL
);
INSERT INTO forms_issue_counter (counter_name, last_value) VALUES ('certificate', 0);
