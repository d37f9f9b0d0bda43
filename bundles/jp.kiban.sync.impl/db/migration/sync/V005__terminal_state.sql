-- This terminal's own sync state, kept across restarts: 災害モード (key disaster.mode, value on/off, who switched it
-- and when) and the time of the last successful pull from the central store (key last.pull): how current the local
-- replica is, shown in the disaster-mode banner.
CREATE TABLE sync_state (
  state_key VARCHAR(40) NOT NULL PRIMARY KEY,
  state_value VARCHAR(400),
  changed_at TIMESTAMP NOT NULL,
  changed_by VARCHAR(100)
);
