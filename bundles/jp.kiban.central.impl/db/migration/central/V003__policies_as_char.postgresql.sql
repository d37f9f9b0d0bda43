-- Row-level security: compare the municipality as bpchar, the type of the CHAR(6) columns (was: the column cast to text).
-- With the cast, the policy's condition had no statistics and PostgreSQL took it to keep 0.5 % of the rows:
-- a replica page (seq > ? ORDER BY seq, 1,000 rows) was planned as a parallel scan and sort of the whole table,
-- so every page cost as much as the store was big. As bpchar the planner sees the one municipality and walks
-- the primary key. Which rows a municipality sees is unchanged (bpchar comparison ignores trailing blanks, as the
-- text cast of a CHAR did; unlike CAST AS CHAR(6) it never truncates a longer setting; an unset setting matches nothing).
ALTER POLICY central_terminal_municipality ON central_terminal
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
ALTER POLICY central_sequence_municipality ON central_sequence
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
ALTER POLICY central_event_municipality ON central_event
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
ALTER POLICY central_aggregate_municipality ON central_aggregate
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
ALTER POLICY central_conflict_municipality ON central_conflict
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
ALTER POLICY central_number_counter_municipality ON central_number_counter
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
ALTER POLICY central_number_lease_municipality ON central_number_lease
  USING (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar))
  WITH CHECK (municipality_code = CAST(current_setting('kiban.municipality', true) AS bpchar));
