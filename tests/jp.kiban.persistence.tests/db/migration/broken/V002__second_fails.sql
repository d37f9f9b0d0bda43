-- The first statement succeeds, the second fails: the whole script must be rolled back.
CREATE TABLE t_broken_second (id INTEGER NOT NULL PRIMARY KEY);
CREATE TABLE t_broken_second (id INTEGER NOT NULL PRIMARY KEY);
