-- Indexes for the outbox's look-ups that run while the outbox is big (after 災害モード or a long offline period),
-- which without them read the whole table (1–2 s at 80,000 entries on Derby). Runs unchanged on Derby and
-- PostgreSQL.
-- Outbox.waiting(aggregate key): asked by the replica apply for every change pulled from another terminal.
CREATE INDEX ix_sync_outbox_aggregate ON sync_outbox (aggregate_key, pushed_at);
-- Outbox.conflictCount(): the entries the central store answered CONFLICT (status line, sync screen).
CREATE INDEX ix_sync_outbox_outcome ON sync_outbox (outcome);
