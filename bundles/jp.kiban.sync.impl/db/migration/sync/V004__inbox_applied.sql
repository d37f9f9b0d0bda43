-- Whether a pulled event has been applied to the local replica (by the module owning its type): NULL while it
-- waits, else APPLIED, ALREADY (this terminal's own change, or applied before), SKIPPED (not understood) or
-- NONE (no module applies the type: kept as received).
ALTER TABLE sync_inbox ADD COLUMN applied VARCHAR(10);
CREATE INDEX ix_sync_inbox_applied ON sync_inbox (applied, central_seq);
