-- PostgreSQL keeps the instant with its zone.
ALTER TABLE t_order ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
