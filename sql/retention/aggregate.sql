-- retention(conds) as an aggregate: ClickHouse's retention(cond1, ..., condN)
-- with the conditions in one list. The internal aggregate
-- _martdb_retention (registered through sql/eventagg) folds each group's
-- conditions into one mask and returns the INTEGER[] result.

-- _martdb_retention_conds checks the condition list of one row: a list
-- (any list castable to BOOLEAN[]) of 1 to 32 conditions. A NULL list
-- passes through (the aggregate skips the row). typeof() is constant, so
-- the type check costs nothing per row.
CREATE OR REPLACE TEMP MACRO _martdb_retention_conds(conds) AS
    CASE
        WHEN NOT regexp_matches(typeof(conds), '\[[0-9]*\]$') THEN
            error('retention: conds: expected a list of conditions such as [c1, c2], got ' || typeof(conds))
        WHEN conds IS NULL OR len(conds::BOOLEAN[]) BETWEEN 1 AND 32 THEN conds::BOOLEAN[]
        ELSE error('retention: conds: expected 1 to 32 conditions, got ' || len(conds::BOOLEAN[]))
    END;

CREATE OR REPLACE TEMP MACRO retention(conds) AS
    _martdb_retention(0::BIGINT, _martdb_retention_conds(conds))
