-- Counter search: indexes that hold every column the search's first step reads (its criterion, the order
-- furigana_key + addressee_number, the key and the status), so that a partial search (LIKE '%…%', which no
-- B-tree can seek) scans a narrow index instead of the snapshot rows, and a フリガナ search, read in index
-- order, stops once a page is found. Measured in docs/performance.md. The furigana index becomes redundant.
CREATE INDEX ix_resident_snapshot_kana_search ON resident_snapshot (furigana_key, addressee_number, history_number, status, planned_move_out);
CREATE INDEX ix_resident_snapshot_name_search ON resident_snapshot (name_key, furigana_key, addressee_number, history_number, status, planned_move_out);
CREATE INDEX ix_resident_snapshot_address_search ON resident_snapshot (address_key, furigana_key, addressee_number, history_number, status, planned_move_out);
DROP INDEX ix_resident_snapshot_furigana;
