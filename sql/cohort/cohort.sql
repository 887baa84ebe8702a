-- cohort(source, user, ts, ...) as a table: the acquisition cohort table
-- of a user event log, with revenue when an amount is given. See doc.go
-- for the exact semantics.

-- _martdb_cohort_cells computes every column; the two cohort overloads
-- below choose theirs. amount is NULL for the overload without revenue.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_cells(source, "user", ts, period, periods, amount, start_event, return_event) AS TABLE
WITH
-- The options, checked on one row that is always evaluated (the final
-- UNION ALL reads it), so that a bad value fails even on an empty source.
_cohort_opts AS (
    SELECT
        _martdb_cohort_period('cohort', period) AS _period,
        CASE WHEN try_cast(periods AS DOUBLE) >= 0 AND try_cast(periods AS DOUBLE) = floor(try_cast(periods AS DOUBLE))
                  AND try_cast(periods AS BIGINT) IS NOT NULL
             THEN try_cast(periods AS BIGINT)
             ELSE error('cohort: periods: expected a whole number >= 0, got ' || coalesce(periods::VARCHAR, 'NULL')) END AS _periods
),
-- One row per user and period with any row: the period's start, whether
-- a start event and a return event fell in it, and the sum of amount.
_cohort_ev AS (
    SELECT "user" AS _u,
           date_trunc(_martdb_cohort_part(period), _martdb_cohort_ts('cohort', ts)) AS _t,
           bool_or(_martdb_cohort_event(start_event, 'start_event')) AS _s,
           bool_or(_martdb_cohort_event(return_event, 'return_event')) AS _r,
           sum(_martdb_cohort_amount(amount)) AS _a
    FROM query_table(source)
    WHERE "user" IS NOT NULL AND ts IS NOT NULL
    GROUP BY ALL
),
_cohort_pn AS (
    SELECT _u, _t, _martdb_cohort_n(_martdb_cohort_part(period), _t) AS _n, _s, _r, _a FROM _cohort_ev
),
-- The last period of the data: no cell lies after it.
_cohort_last AS (
    SELECT max(_n) AS _l FROM _cohort_pn
),
-- Each user's cohort: the period of their first start event.
_cohort_users AS (
    SELECT _u, min(_n) AS _c, min(_t) AS _ct FROM _cohort_pn WHERE _s GROUP BY _u
),
_cohort_sizes AS (
    SELECT _c, min(_ct) AS _ct, count(*) AS _size FROM _cohort_users GROUP BY _c
),
-- Every cell of the table: offsets 0 to periods, up to the last period.
_cohort_grid AS (
    SELECT s._c, s._ct, s._size, unnest(range(0, least(o._periods, l._l - s._c) + 1)) AS _k
    FROM _cohort_sizes s CROSS JOIN _cohort_last l CROSS JOIN _cohort_opts o
),
-- What the cohorts' users did in each period at or after their cohort:
-- how many had a return event, and the sum of their amounts.
_cohort_activity AS (
    SELECT u._c, e._n - u._c AS _k, count(*) FILTER (WHERE e._r) AS _active, sum(e._a) AS _rev
    FROM _cohort_users u JOIN _cohort_pn e ON e._u = u._u
    WHERE e._n >= u._c AND e._n - u._c <= try_cast(periods AS BIGINT)
    GROUP BY ALL
),
_cohort_table AS (
    SELECT g._c, g._ct AS _ts, g._ct::DATE AS _d, g._size, g._k,
           coalesce(a._active, 0) AS _active,
           coalesce(a._rev, 0) AS _rev,
           sum(coalesce(a._rev, 0)) OVER (PARTITION BY g._c ORDER BY g._k) AS _cum
    FROM _cohort_grid g LEFT JOIN _cohort_activity a ON a._c = g._c AND a._k = g._k
    -- Never true: makes the options' checks run whatever the source holds.
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM _cohort_opts WHERE _period IS NULL OR _periods IS NULL
)
SELECT COLUMNS(lambda _col: _col = _martdb_cohort_label_col(period)) AS cohort,
       _size AS cohort_size,
       _k AS period_offset,
       _active AS active_users,
       _active::DOUBLE / _size AS retention_rate,
       _rev AS revenue,
       _cum::DOUBLE / _size AS cumulative_revenue_per_user
FROM _cohort_table;

-- cohort without an amount: no revenue columns.
CREATE OR REPLACE TEMP MACRO cohort(source, "user", ts, period := 'month', periods := 12,
        start_event := TRUE, return_event := TRUE) AS TABLE (
    SELECT cohort, cohort_size, period_offset, active_users, retention_rate
    FROM _martdb_cohort_cells(source, "user", ts, period, periods, NULL, start_event, return_event)
    ORDER BY cohort, period_offset
), (source, "user", ts, amount, period := 'month', periods := 12,
        start_event := TRUE, return_event := TRUE) AS TABLE (
    SELECT *
    FROM _martdb_cohort_cells(source, "user", ts, period, periods, amount, start_event, return_event)
    ORDER BY cohort, period_offset
);
