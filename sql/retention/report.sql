-- retention(source, user, ts, ...) as a table: the retention table of a
-- user event log. See doc.go for the exact semantics.

-- _martdb_retention_part is period when it is a valid period, else 'day':
-- date_trunc needs a valid specifier to bind, and the report's _opts CTE
-- raises the error for an invalid one.
CREATE OR REPLACE TEMP MACRO _martdb_retention_part(period) AS
    CASE WHEN period::VARCHAR IN ('hour', 'day', 'week', 'month', 'quarter', 'year')
         THEN period::VARCHAR ELSE 'day' END;

-- _martdb_retention_ts is ts as a TIMESTAMP (TIMESTAMPTZ values become
-- their wall-clock time in the session's TimeZone), or an error naming the
-- argument for a column of another type. typeof() is constant, so the
-- check costs nothing per row.
CREATE OR REPLACE TEMP MACRO _martdb_retention_ts(ts) AS
    CASE WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN ts::TIMESTAMP
         ELSE error('retention: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_retention_event is an event condition as a BOOLEAN, NULL as
-- false, or an error naming the argument when it is not a BOOLEAN.
CREATE OR REPLACE TEMP MACRO _martdb_retention_event(cond, arg) AS
    CASE WHEN typeof(cond) IN ('BOOLEAN', '"NULL"', 'NULL')
         THEN coalesce(cond::BOOLEAN, false)
         ELSE error('retention: ' || arg || ': expected a BOOLEAN condition, got ' || typeof(cond)) END;

-- _martdb_retention_period_n is the period number of a truncated
-- timestamp: whole periods since Monday 1970-01-05, so that consecutive
-- periods have consecutive numbers (weeks start on Monday).
CREATE OR REPLACE TEMP MACRO _martdb_retention_period_n(part, ts) AS
    date_diff(part, TIMESTAMP '1970-01-05', date_trunc(part, ts));

CREATE OR REPLACE TEMP MACRO retention(source, "user", ts, start_event := TRUE, return_event := TRUE,
        period := 'day', periods := 7, kind := 'first_time', cumulative := false) AS TABLE
WITH
-- The options, checked on one row that is always evaluated, so that a bad
-- value fails even on an empty source.
_opts AS (
    SELECT
        CASE WHEN period::VARCHAR IN ('hour', 'day', 'week', 'month', 'quarter', 'year') THEN period::VARCHAR
             ELSE error('retention: period: expected hour, day, week, month, quarter or year, got '
                        || coalesce('''' || period::VARCHAR || '''', 'NULL')) END AS _period,
        CASE WHEN kind::VARCHAR IN ('first_time', 'recurring') THEN kind::VARCHAR
             ELSE error('retention: kind: expected first_time or recurring, got '
                        || coalesce('''' || kind::VARCHAR || '''', 'NULL')) END AS _kind,
        CASE WHEN try_cast(periods AS DOUBLE) >= 0 AND try_cast(periods AS DOUBLE) = floor(try_cast(periods AS DOUBLE))
                  AND try_cast(periods AS BIGINT) IS NOT NULL
             THEN try_cast(periods AS BIGINT)
             ELSE error('retention: periods: expected a whole number >= 0, got ' || coalesce(periods::VARCHAR, 'NULL')) END AS _periods,
        CASE WHEN try_cast(cumulative AS BOOLEAN) IS NOT NULL THEN try_cast(cumulative AS BOOLEAN)
             ELSE error('retention: cumulative: expected true or false, got ' || coalesce(cumulative::VARCHAR, 'NULL')) END AS _cumulative
),
-- One row per user and period with any row: whether a start event and a
-- return event fell in it. _n numbers the periods.
_ev AS (
    SELECT "user" AS _u,
           _martdb_retention_period_n(_martdb_retention_part(period), _martdb_retention_ts(ts)) AS _n,
           bool_or(_martdb_retention_event(start_event, 'start_event')) AS _s,
           bool_or(_martdb_retention_event(return_event, 'return_event')) AS _r
    FROM query_table(source)
    WHERE "user" IS NOT NULL AND ts IS NOT NULL
    GROUP BY ALL
),
-- The last period of the data, the one holding max(ts): incomplete.
_last AS (
    SELECT max(_n) AS _l FROM _ev
),
-- Cohort members (_u, _c): first_time, one per user, the period of the
-- first start event; recurring, one per user and period with a start event.
_cohorts AS (
    SELECT _u, min(_n) AS _c FROM _ev WHERE _s AND kind::VARCHAR = 'first_time' GROUP BY _u
    UNION ALL
    SELECT _u, _n AS _c FROM _ev WHERE _s AND kind::VARCHAR = 'recurring'
),
-- The members with at least offset 0 observed, and _top, the largest
-- offset each counts in: c + k < L and k <= periods.
_members AS (
    SELECT c._u, c._c, least(l._l - 1 - c._c, o._periods) AS _top
    FROM _cohorts c CROSS JOIN _last l CROSS JOIN _opts o
    WHERE c._c < l._l
),
-- Members by _top: cohort_users at offset k is the number with _top >= k.
_sizes AS (
    SELECT _top AS _k, count(*) AS _count FROM _members GROUP BY _top
),
-- Return periods, for the exact (not cumulative) count.
_returns AS (
    SELECT _u, _n FROM _ev WHERE _r AND NOT coalesce(try_cast(cumulative AS BOOLEAN), false)
),
-- Exact count: one row per member and offset k <= _top with a return
-- event in period c + k. A hash join on the user, with the period range
-- checked on each pair: for first_time one pair per return period; for
-- recurring, up to (start periods x return periods) of each user.
_hits AS (
    SELECT r._n - m._c AS _k
    FROM _members m JOIN _returns r ON r._u = m._u AND r._n BETWEEN m._c AND m._c + m._top
),
_hit_counts AS (
    SELECT _k, count(*) AS _count FROM _hits GROUP BY _k
),
-- Cumulative count: a member is retained at every offset up to
-- min(last return period - c, _top); counted by that offset.
_reach AS (
    SELECT least(r._m - m._c, m._top) AS _k, count(*) AS _count
    FROM _members m
    JOIN (SELECT _u, max(_n) AS _m FROM _ev
          WHERE _r AND coalesce(try_cast(cumulative AS BOOLEAN), false) GROUP BY _u) r ON r._u = m._u
    WHERE r._m >= m._c
    GROUP BY 1
),
_offsets AS (
    SELECT unnest(range(0, _periods + 1)) AS _k
    FROM _opts
    WHERE _period IS NOT NULL AND _kind IS NOT NULL AND _cumulative IS NOT NULL
),
_table AS (
    SELECT o._k,
           sum(coalesce(s._count, 0)) OVER (ORDER BY o._k DESC)::BIGINT AS _cohort_users,
           CASE WHEN coalesce(try_cast(cumulative AS BOOLEAN), false)
                THEN sum(coalesce(c._count, 0)) OVER (ORDER BY o._k DESC)
                ELSE coalesce(h._count, 0) END::BIGINT AS _retained_users
    FROM _offsets o
    LEFT JOIN _sizes s ON s._k = o._k
    LEFT JOIN _hit_counts h ON h._k = o._k
    LEFT JOIN _reach c ON c._k = o._k
)
SELECT _k AS period_offset,
       _cohort_users AS cohort_users,
       _retained_users AS retained_users,
       CASE WHEN _cohort_users > 0 THEN _retained_users::DOUBLE / _cohort_users END AS retention_rate
FROM _table
ORDER BY period_offset
