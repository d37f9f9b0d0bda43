-- Test module: a table with Japanese text, to show the same script runs on Derby and PostgreSQL.
CREATE TABLE t_order (
  id INTEGER NOT NULL PRIMARY KEY,
  note VARCHAR(100) NOT NULL
);
INSERT INTO t_order (id, note) VALUES (1, '転入届; 受付済み');
