-- retention(conds) as an aggregate: ClickHouse's retention(cond1, ..., condN)
-- with the conditions in one list. The internal aggregate
-- _martdb_retention_mask (registered through sql/eventagg) packs each
-- group's result into a BIGINT; _martdb_retention_list unpacks it.

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

-- _martdb_retention_list unpacks the aggregate's BIGINT: N = packed >> 32
-- conditions, rk = bit k-1. NULL stays NULL.
CREATE OR REPLACE TEMP MACRO _martdb_retention_list(packed) AS
    list_transform(range(packed >> 32), lambda _martdb_bit: ((packed >> _martdb_bit) & 1)::INTEGER);

CREATE OR REPLACE TEMP MACRO retention(conds) AS
    _martdb_retention_list(_martdb_retention_mask(0::BIGINT, _martdb_retention_conds(conds)))
