-- lifecycle(source, user, ts, period := 'week') as a table: how many users
-- are new, returning, resurrecting and dormant in each period (PostHog's
-- lifecycle). See doc.go for the exact semantics.

CREATE OR REPLACE TEMP MACRO lifecycle(source, "user", ts, period := 'week') AS TABLE
WITH
-- The period, checked on one row that is always evaluated (the period
-- list is built from it), so that a bad value fails even on an empty
-- source.
_lifecycle_opts AS (
    SELECT _martdb_cohort_period('lifecycle', period) AS _period
),
-- One row per user and period with any row.
_lifecycle_act AS (
    SELECT DISTINCT "user" AS _u,
           date_trunc(_martdb_cohort_part(period), _martdb_cohort_ts('lifecycle', ts)) AS _t
    FROM query_table(source)
    WHERE "user" IS NOT NULL AND ts IS NOT NULL
),
-- Each active period with the user's previous and next active periods.
_lifecycle_seq AS (
    SELECT _n,
           lag(_n) OVER (PARTITION BY _u ORDER BY _n) AS _prev,
           lead(_n) OVER (PARTITION BY _u ORDER BY _n) AS _next
    FROM (SELECT _u, _martdb_cohort_n(_martdb_cohort_part(period), _t) AS _n FROM _lifecycle_act)
),
_lifecycle_bounds AS (
    SELECT min(_t) AS _first, max(_t) AS _last,
           _martdb_cohort_n(_martdb_cohort_part(period), max(_t)) AS _l
    FROM _lifecycle_act
),
-- Statuses, numbered in display order: 0 new (no earlier active period),
-- 1 returning (active in the previous period), 2 resurrecting (an earlier
-- active period, not the previous one); and 3 dormant, in the period
-- after an active period that the user skipped, up to the last period.
_lifecycle_status AS (
    SELECT _n, CASE WHEN _prev IS NULL THEN 0 WHEN _prev = _n - 1 THEN 1 ELSE 2 END AS _s
    FROM _lifecycle_seq
    UNION ALL
    SELECT q._n + 1, 3
    FROM _lifecycle_seq q CROSS JOIN _lifecycle_bounds b
    WHERE (q._next IS NULL OR q._next > q._n + 1) AND q._n < b._l
),
_lifecycle_counts AS (
    SELECT _n, _s, count(*) AS _users FROM _lifecycle_status GROUP BY ALL
),
-- Every period from the first to the last of the data, each with the
-- four statuses.
_lifecycle_periods AS (
    SELECT unnest(generate_series(b._first, b._last, _martdb_cohort_step(o._period))) AS _ts
    FROM _lifecycle_bounds b CROSS JOIN _lifecycle_opts o
    UNION ALL
    -- Never true: makes the period's check run on an empty source too.
    SELECT NULL FROM _lifecycle_opts WHERE _period IS NULL
),
_lifecycle_table AS (
    SELECT p._ts, p._ts::DATE AS _d, s._s, s._name, coalesce(c._users, 0) AS _users
    FROM _lifecycle_periods p
    CROSS JOIN (VALUES (0, 'new'), (1, 'returning'), (2, 'resurrecting'), (3, 'dormant')) s(_s, _name)
    LEFT JOIN _lifecycle_counts c
           ON c._n = _martdb_cohort_n(_martdb_cohort_part(period), p._ts) AND c._s = s._s
)
SELECT COLUMNS(lambda _col: _col = _martdb_cohort_label_col(period)) AS period,
       _name AS status,
       _users AS users
FROM _lifecycle_table
ORDER BY _ts, _s;
