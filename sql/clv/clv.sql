-- The clv family: clv_summary, clv_fit and clv as table macros over the
-- internal _martdb_clv_summary and _martdb_clv_fit, which take the name
-- of the calling function first so that every error names it. The fits
-- and predictions are Go functions registered through the driver
-- (udf.go). See doc.go for the semantics.

-- _martdb_clv_unit is the length of one period unit in days, or an
-- error naming the argument.
CREATE OR REPLACE TEMP MACRO _martdb_clv_unit(fn, period) AS
    CASE lower(period::VARCHAR)
        WHEN 'hour' THEN 1.0::DOUBLE / 24
        WHEN 'day' THEN 1.0::DOUBLE
        WHEN 'week' THEN 7.0::DOUBLE
        WHEN 'month' THEN 365.25::DOUBLE / 12
        WHEN 'quarter' THEN 365.25::DOUBLE / 4
        WHEN 'year' THEN 365.25::DOUBLE
        ELSE error(fn || ': period: expected hour, day, week, month, quarter or year, got ' || coalesce(period::VARCHAR, 'NULL')) END;

-- _martdb_clv_day is the calendar day of ts (a TIMESTAMPTZ at its
-- wall-clock time in the session's TimeZone), or an error for a column
-- of another type.
CREATE OR REPLACE TEMP MACRO _martdb_clv_day(fn, ts) AS
    CASE WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN ts::TIMESTAMP::DATE
         ELSE error(fn || ': ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_clv_amount is amount as an exact DECIMAL(38,6), or an error: a
-- column that is not numeric, a NULL, a negative or a value that does
-- not fit (NaN, infinity, 1e32 and beyond).
CREATE OR REPLACE TEMP MACRO _martdb_clv_amount(fn, amount) AS
    CASE WHEN NOT (typeof(amount) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
                                      'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT', 'FLOAT', 'DOUBLE')
                   OR starts_with(typeof(amount), 'DECIMAL('))
         THEN error(fn || ': amount: expected a numeric column, got ' || typeof(amount))
         WHEN amount IS NULL THEN error(fn || ': amount: expected an amount on every purchase, got NULL')
         WHEN TRY_CAST(amount AS DOUBLE) < 0 THEN error(fn || ': amount: expected amounts >= 0 (filter refunds out first), got ' || amount::VARCHAR)
         ELSE coalesce(TRY_CAST(amount AS DECIMAL(38, 6)),
                       error(fn || ': amount: ' || amount::VARCHAR || ' does not fit DECIMAL(38,6)')) END;

-- _martdb_clv_interval_days is the length of an interval in days, a month
-- being 365.25/12 days (epoch() alone would count 30 days a month and
-- 365.25 a year).
CREATE OR REPLACE TEMP MACRO _martdb_clv_interval_months(h) AS
    (12 * date_part('year', h) + date_part('month', h))::INTEGER;
CREATE OR REPLACE TEMP MACRO _martdb_clv_interval_days(h) AS
    _martdb_clv_interval_months(h) * (365.25::DOUBLE / 12)
    + epoch(h - to_months(_martdb_clv_interval_months(h))) / 86400;

-- _martdb_clv_horizon_days is a horizon (an INTERVAL, or a string that
-- casts to one) in days, or an error unless it is positive.
CREATE OR REPLACE TEMP MACRO _martdb_clv_horizon_days(fn, horizon) AS
    CASE WHEN typeof(horizon) IN ('INTERVAL', 'VARCHAR')
              AND _martdb_clv_interval_days(try_cast(horizon::VARCHAR AS INTERVAL)) > 0
         THEN _martdb_clv_interval_days(try_cast(horizon::VARCHAR AS INTERVAL))
         ELSE error(fn || ': horizon: expected a positive INTERVAL, got ' || coalesce(horizon::VARCHAR, 'NULL')) END;

-- _martdb_clv_rate is the monthly discount rate, a number >= 0.
CREATE OR REPLACE TEMP MACRO _martdb_clv_rate(fn, rate) AS
    CASE WHEN NOT typeof(rate) IN ('BOOLEAN', 'VARCHAR', 'INTERVAL', 'DATE', 'TIMESTAMP')
              AND isfinite(try_cast(rate AS DOUBLE)) AND try_cast(rate AS DOUBLE) >= 0
         THEN try_cast(rate AS DOUBLE)
         ELSE error(fn || ': discount_rate: expected a number >= 0, got ' || coalesce(rate::VARCHAR, 'NULL')) END;

-- _martdb_clv_check is 0 when every option is valid, else the error of
-- the first bad one. The fit takes it as an argument, so that a bad
-- option fails before the fit can fail on the data (an empty source
-- included), whatever order DuckDB runs the parts of a query in.
CREATE OR REPLACE TEMP MACRO _martdb_clv_check(fn, period, calibration_end, horizon, discount_rate) AS
    0 * _martdb_clv_unit(fn, period)
    + CASE WHEN calibration_end IS NULL
                OR (typeof(calibration_end) IN ('DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
                    AND try_cast(calibration_end::VARCHAR AS TIMESTAMP) IS NOT NULL) THEN 0
           ELSE error(fn || ': calibration_end: expected a DATE or TIMESTAMP, got ' || calibration_end::VARCHAR) END
    + 0 * _martdb_clv_horizon_days(fn, horizon)
    + 0 * _martdb_clv_rate(fn, discount_rate);

-- _martdb_clv_summary is clv_summary with its columns named _c, _x, _tx,
-- _t and _m (a macro's parameters shadow columns of the same name, so the
-- macros calling it must not see a column named customer), and two more,
-- the calibration end (_end) and the period unit in days (_unit).
CREATE OR REPLACE TEMP MACRO _martdb_clv_summary(fn, source, customer, ts, amount, calibration_end, period) AS TABLE
WITH
-- The options, on one row every later step joins, so that a bad value
-- fails even on an empty source.
_opts AS (
    SELECT _martdb_clv_unit(fn, period) AS _unit,
           CASE WHEN calibration_end IS NULL THEN NULL::DATE
                WHEN typeof(calibration_end) IN ('DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
                     AND try_cast(calibration_end::VARCHAR AS TIMESTAMP) IS NOT NULL
                THEN try_cast(calibration_end::VARCHAR AS TIMESTAMP)::DATE
                ELSE error(fn || ': calibration_end: expected a DATE or TIMESTAMP, got ' || calibration_end::VARCHAR) END AS _end
),
-- The rows that count: a customer and a ts.
_rows AS (
    SELECT customer AS _c, _martdb_clv_day(fn, ts) AS _d, amount AS _a
    FROM query_table(source)
    WHERE customer IS NOT NULL AND ts IS NOT NULL
),
-- calibration_end: the given day, else the last day of the data.
_cfg AS (
    SELECT o._unit, coalesce(o._end, (SELECT max(_d) FROM _rows)) AS _end FROM _opts o
),
-- One row per customer and purchase day up to calibration_end, its
-- amounts summed exactly (amounts are checked here, on counted rows).
_days AS (
    SELECT r._c, r._d, sum(_martdb_clv_amount(fn, r._a)) AS _a
    FROM _rows r CROSS JOIN _cfg g
    WHERE r._d <= g._end
    GROUP BY r._c, r._d
),
_customers AS (
    SELECT _c, count(*) - 1 AS _x, min(_d) AS _first, max(_d) AS _last,
           sum(_a) - arg_min(_a, _d) AS _repeat
    FROM _days
    GROUP BY _c
)
SELECT c._c,
       c._x,
       (c._last - c._first) / g._unit AS _tx,
       (g._end - c._first) / g._unit AS _t,
       CASE WHEN c._x > 0 THEN c._repeat::DOUBLE / c._x ELSE 0::DOUBLE END AS _m,
       g._end AS _end,
       g._unit AS _unit
FROM _customers c CROSS JOIN _cfg g;

-- _martdb_clv_fit is clv_fit named fn: the summary's distinct (x, t_x, T)
-- triples with their counts go to the BG/NBD fit, the distinct
-- (x, monetary_value) pairs of the repeat customers who spent something
-- (a mean spend of 0 has likelihood 0 in the model) to the Gamma-Gamma
-- fit. The lists are ordered so that the sums, and so the fits, do not
-- depend on the order of the rows.
CREATE OR REPLACE TEMP MACRO _martdb_clv_fit(fn, source, customer, ts, amount, calibration_end, period, horizon, discount_rate) AS TABLE
WITH
_s AS MATERIALIZED (
    SELECT * FROM _martdb_clv_summary(fn, source, customer, ts, amount, calibration_end, period)
),
_triples AS (
    SELECT _x::DOUBLE AS _x, _tx, _t, count(*)::DOUBLE AS _w FROM _s GROUP BY ALL
),
_pairs AS (
    SELECT _x::DOUBLE AS _x, _m, count(*)::DOUBLE AS _w FROM _s WHERE _x > 0 AND _m > 0 GROUP BY ALL
),
_bg AS MATERIALIZED (
    SELECT _martdb_clv_bgnbd_fit(fn, _martdb_clv_check(fn, period, calibration_end, horizon, discount_rate),
               list(_x ORDER BY _x, _tx, _t), list(_tx ORDER BY _x, _tx, _t),
               list(_t ORDER BY _x, _tx, _t), list(_w ORDER BY _x, _tx, _t)) AS _f
    FROM _triples
),
-- The Gamma-Gamma fit takes the BG/NBD fit's sample size, so that it
-- runs after it and the BG/NBD errors (about all customers) come first.
_gg AS MATERIALIZED (
    SELECT _martdb_clv_gg_fit(fn, (SELECT _f.customers FROM _bg),
               list(_x ORDER BY _x, _m), list(_m ORDER BY _x, _m), list(_w ORDER BY _x, _m)) AS _f
    FROM _pairs
)
SELECT b._f.r AS r, b._f.alpha AS alpha, b._f.a AS a, b._f.b AS b,
       b._f.log_likelihood AS bgnbd_log_likelihood, b._f.customers::BIGINT AS customers,
       g._f.p AS p, g._f.q AS q, g._f.gamma AS gamma,
       g._f.log_likelihood AS gg_log_likelihood, g._f.customers::BIGINT AS repeat_customers,
       (SELECT max(_end) FROM _s) AS calibration_end,
       lower(period::VARCHAR) AS period
FROM _bg b CROSS JOIN _gg g;

CREATE OR REPLACE TEMP MACRO clv_summary(source, customer, ts, amount, calibration_end := NULL, period := 'week') AS TABLE
SELECT _c AS customer, _x AS frequency, _tx AS recency, _t AS "T", _m AS monetary_value
FROM _martdb_clv_summary('clv_summary', source, customer, ts, amount, calibration_end, period)
ORDER BY _c;

CREATE OR REPLACE TEMP MACRO clv_fit(source, customer, ts, amount, calibration_end := NULL, period := 'week') AS TABLE
SELECT * FROM _martdb_clv_fit('clv_fit', source, customer, ts, amount, calibration_end, period, INTERVAL 1 DAY, 0);

CREATE OR REPLACE TEMP MACRO clv(source, customer, ts, amount, horizon := INTERVAL 12 MONTH, discount_rate := 0.01,
                                 calibration_end := NULL, period := 'week') AS TABLE
WITH
_o AS MATERIALIZED (
    SELECT _martdb_clv_horizon_days('clv', horizon) AS _h,
           _martdb_clv_rate('clv', discount_rate) AS _rate,
           _martdb_clv_unit('clv', period) AS _unit
),
_f AS MATERIALIZED (
    SELECT * FROM _martdb_clv_fit('clv', source, customer, ts, amount, calibration_end, period, horizon, discount_rate)
),
_p AS (
    SELECT s._c, s._x, s._tx, s._t, s._m,
           _martdb_clv_predict('clv', f.r, f.alpha, f.a, f.b, f.p, f.q, f.gamma,
                               s._x::DOUBLE, s._tx, s._t, s._m,
                               o._h / o._unit, (365.25::DOUBLE / 12) / o._unit, o._rate) AS _pr
    FROM _martdb_clv_summary('clv', source, customer, ts, amount, calibration_end, period) s
    CROSS JOIN _f f CROSS JOIN _o o
)
SELECT _c AS customer, _x AS frequency, _tx AS recency, _t AS "T", _m AS monetary_value,
       _pr.p_alive AS p_alive, _pr.expected_purchases AS expected_purchases,
       _pr.expected_avg_value AS expected_avg_value, _pr.clv AS clv,
       1 - _pr.p_alive AS churn_risk
FROM _p
ORDER BY _c;
