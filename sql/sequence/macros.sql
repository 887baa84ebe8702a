-- sequence_match and sequence_count: the pattern is interned (and its
-- syntax checked) by a scalar function DuckDB folds once per query; the
-- aggregates collect each group's events and match in Go.
CREATE OR REPLACE TEMP MACRO sequence_match(pattern, t, conds) AS
    _martdb_sequence_match(_martdb_sequence_pattern('sequence_match', pattern), t, conds);
CREATE OR REPLACE TEMP MACRO sequence_count(pattern, t, conds) AS
    _martdb_sequence_count(_martdb_sequence_pattern('sequence_count', pattern), t, conds);
