-- rfm(source, customer, ts, amount, ...) as a table: one row per customer
-- with recency, frequency and monetary value, their scores, the cell and
-- the segment. See doc.go for the exact semantics.

-- _martdb_rfm_ts is ts as a TIMESTAMP (a TIMESTAMPTZ becomes its
-- wall-clock time in the session's TimeZone), or an error naming the
-- argument for a column of another type. typeof() is constant, so the
-- check costs nothing per row.
CREATE OR REPLACE TEMP MACRO _martdb_rfm_ts(ts) AS
    CASE WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN ts::TIMESTAMP
         ELSE error('rfm: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_rfm_numeric says whether a type name is a number type.
CREATE OR REPLACE TEMP MACRO _martdb_rfm_numeric(type_name) AS
    type_name IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
                  'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT',
                  'FLOAT', 'DOUBLE', '"NULL"', 'NULL')
    OR starts_with(type_name, 'DECIMAL(');

-- _martdb_rfm_amount is amount as a DECIMAL(38,6), so that sums are exact
-- and equal spending compares equal whatever the order of the rows. Any
-- column type binds here (TRY_CAST), so that a non-numeric column reaches
-- the error naming the argument rather than failing inside sum(); a
-- number that does not fit (NaN, infinity, 1e32 and beyond) is an error
-- too, never a silent NULL.
CREATE OR REPLACE TEMP MACRO _martdb_rfm_amount(amount) AS
    CASE WHEN NOT _martdb_rfm_numeric(typeof(amount))
         THEN error('rfm: amount: expected a numeric column, got ' || typeof(amount))
         WHEN amount IS NULL THEN NULL
         ELSE coalesce(TRY_CAST(amount AS DECIMAL(38, 6)),
                       error('rfm: amount: ' || amount::VARCHAR || ' does not fit DECIMAL(38,6)')) END;

-- _martdb_rfm_score is the score of a customer ranked rnk-th (rank():
-- ties share the lowest rank) of n, in 1..bins: 1 + floor(bins * (rnk - 1)
-- / n), in integers.
CREATE OR REPLACE TEMP MACRO _martdb_rfm_score(rnk, n, bins) AS
    (1 + (bins * (rnk - 1)) // n)::INTEGER;

-- _martdb_rfm_segment is the segment of an (R, F) pair of 5-bin scores:
-- the ten-segment grid transcribed in doc.go, one rule per segment, in
-- the order of the grid's usual regular expressions. The rules cover the
-- 25 cells exactly once.
CREATE OR REPLACE TEMP MACRO _martdb_rfm_segment(r, f) AS
    CASE WHEN r BETWEEN 1 AND 2 AND f BETWEEN 1 AND 2 THEN 'hibernating'
         WHEN r BETWEEN 1 AND 2 AND f BETWEEN 3 AND 4 THEN 'at_risk'
         WHEN r BETWEEN 1 AND 2 AND f = 5             THEN 'cant_lose'
         WHEN r = 3             AND f BETWEEN 1 AND 2 THEN 'about_to_sleep'
         WHEN r = 3             AND f = 3             THEN 'need_attention'
         WHEN r BETWEEN 3 AND 4 AND f BETWEEN 4 AND 5 THEN 'loyal_customers'
         WHEN r = 4             AND f = 1             THEN 'promising'
         WHEN r = 5             AND f = 1             THEN 'new_customers'
         WHEN r BETWEEN 4 AND 5 AND f BETWEEN 2 AND 3 THEN 'potential_loyalists'
         WHEN r = 5             AND f BETWEEN 4 AND 5 THEN 'champions' END;

-- _martdb_rfm_cell writes the three scores as one string: '545' when
-- every score is one digit (bins <= 9), '10-3-7' with dashes for bins 10.
CREATE OR REPLACE TEMP MACRO _martdb_rfm_cell(r, f, m, bins) AS
    CASE WHEN bins <= 9 THEN r::VARCHAR || f::VARCHAR || m::VARCHAR
         ELSE r::VARCHAR || '-' || f::VARCHAR || '-' || m::VARCHAR END;

CREATE OR REPLACE TEMP MACRO rfm(source, customer, ts, amount, as_of := NULL, bins := 5, order_id := NULL) AS TABLE
WITH
-- The options, checked on one row that is always evaluated (_cfg is made
-- from it and the rows are joined with _cfg), so that a bad value fails
-- even on an empty source.
_opts AS (
    SELECT
        CASE WHEN try_cast(bins AS DOUBLE) BETWEEN 2 AND 10
                  AND try_cast(bins AS DOUBLE) = floor(try_cast(bins AS DOUBLE))
             THEN try_cast(bins AS BIGINT)
             ELSE error('rfm: bins: expected a whole number from 2 to 10, got ' || coalesce(bins::VARCHAR, 'NULL')) END AS _bins,
        CASE WHEN as_of IS NULL OR try_cast(as_of AS TIMESTAMP) IS NOT NULL THEN try_cast(as_of AS TIMESTAMP)
             ELSE error('rfm: as_of: expected a TIMESTAMP or DATE, got ' || as_of::VARCHAR) END AS _as_of
),
-- The rows that count: a customer and a ts.
_rows AS (
    SELECT customer AS _c, _martdb_rfm_ts(ts) AS _t, _martdb_rfm_amount(amount) AS _a, order_id AS _o
    FROM query_table(source)
    WHERE customer IS NOT NULL AND ts IS NOT NULL
),
-- as_of: the given one, else midnight after the last ts.
_cfg AS (
    SELECT o._bins, coalesce(o._as_of, date_trunc('day', (SELECT max(_t) FROM _rows)) + INTERVAL 1 DAY) AS _as_of
    FROM _opts o
),
-- One row per customer over the rows before as_of. frequency counts rows,
-- or distinct non-NULL order ids when order_id is given.
_customers AS (
    SELECT r._c, min(r._t) AS _first, max(r._t) AS _last,
           CASE WHEN typeof(any_value(r._o)) IN ('"NULL"', 'NULL') THEN count(*) ELSE count(DISTINCT r._o) END AS _freq,
           coalesce(sum(r._a), 0) AS _mon,
           date_diff('day', max(r._t), any_value(g._as_of)) AS _rec,
           any_value(g._bins) AS _bins
    FROM _rows r CROSS JOIN _cfg g
    WHERE r._t < g._as_of
    GROUP BY r._c
),
-- Ranks: rank() gives tied values the same, lowest rank. Recency ranks the
-- longest absence first, so the most recent customers score highest.
_ranked AS (
    SELECT *,
           count(*) OVER () AS _n,
           rank() OVER (ORDER BY _rec DESC) AS _rr,
           rank() OVER (ORDER BY _freq) AS _fr,
           rank() OVER (ORDER BY _mon) AS _mr
    FROM _customers
),
_scored AS (
    SELECT *,
           _martdb_rfm_score(_rr, _n, _bins) AS _r,
           _martdb_rfm_score(_fr, _n, _bins) AS _f,
           _martdb_rfm_score(_mr, _n, _bins) AS _m
    FROM _ranked
)
SELECT _c AS customer,
       _first AS first_ts,
       _last AS last_ts,
       _rec AS recency_days,
       _freq AS frequency,
       _mon::DOUBLE AS monetary,
       _r AS r_score,
       _f AS f_score,
       _m AS m_score,
       _martdb_rfm_cell(_r, _f, _m, _bins) AS rfm_cell,
       CASE WHEN _bins = 5 THEN _martdb_rfm_segment(_r, _f) END AS segment
FROM _scored
ORDER BY 1
