-- attribution(touches, user, ts, channel, conversions, conv_user, conv_ts,
-- ...) as a table: the conversions (and their value) credited to the
-- channels of the touches before them, under one attribution model or all
-- of them. See doc.go for the exact semantics.

-- _martdb_attribution_ts is ts as a TIMESTAMP (a TIMESTAMPTZ at its
-- wall-clock time in the session's TimeZone, a DATE at its midnight), or
-- an error naming the argument for a column of another type. typeof() is
-- constant, so the check costs nothing per row; TRY_CAST only lets any
-- type bind and reach the error.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_ts(ts, arg) AS
    CASE WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN TRY_CAST(ts AS TIMESTAMP)
         ELSE error('attribution: ' || arg || ': expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_attribution_ts_type checks the type name of a ts column: true,
-- or the error of _martdb_attribution_ts.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_ts_type(type_name, arg) AS
    CASE WHEN type_name IN ('TIMESTAMP', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS', '"NULL"', 'NULL')
         THEN true
         ELSE error('attribution: ' || arg || ': expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || type_name) END;

-- _martdb_attribution_numeric says whether a type name is a number type
-- (or the type of a bare NULL).
CREATE OR REPLACE TEMP MACRO _martdb_attribution_numeric(type_name) AS
    type_name IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
                  'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT',
                  'FLOAT', 'DOUBLE', '"NULL"', 'NULL')
    OR starts_with(type_name, 'DECIMAL(');

-- _martdb_attribution_value_type checks the type of conv_value: a number
-- (or NULL, the default: one per conversion).
CREATE OR REPLACE TEMP MACRO _martdb_attribution_value_type(type_name) AS
    CASE WHEN _martdb_attribution_numeric(type_name) THEN true
         ELSE error('attribution: conv_value: expected a numeric column, got ' || type_name) END;

-- _martdb_attribution_same_user checks that user and conv_user can be
-- matched: the same type, or two number types.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_same_user(touch_type, conv_type) AS
    CASE WHEN touch_type = conv_type
              OR (_martdb_attribution_numeric(touch_type) AND _martdb_attribution_numeric(conv_type))
         THEN true
         ELSE error('attribution: conv_user: expected the type of user (' || touch_type || '), got ' || conv_type) END;

-- _martdb_attribution_interval is a positive INTERVAL option (or a string
-- that casts to one), else an error naming the argument.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_interval(x, arg) AS
    CASE WHEN try_cast(x AS INTERVAL) > INTERVAL 0 SECOND THEN try_cast(x AS INTERVAL)
         ELSE error('attribution: ' || arg || ': expected a positive INTERVAL, got ' || coalesce(x::VARCHAR, 'NULL')) END;

-- _martdb_attribution_model is the model option when it names a model,
-- else an error listing the accepted names.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_model(m) AS
    CASE WHEN try_cast(m AS VARCHAR) IN ('first_touch', 'last_touch', 'last_non_direct', 'linear', 'position_based', 'time_decay', 'all')
         THEN try_cast(m AS VARCHAR)
         ELSE error('attribution: model: expected first_touch, last_touch, last_non_direct, linear, position_based, '
                    || 'time_decay or all, got ' || coalesce(try_cast(m AS VARCHAR), 'NULL')) END;

-- _martdb_attribution_direct is the direct option as a list of channel
-- names: one name, or a list of them.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_direct(d) AS
    CASE WHEN d IS NULL
         THEN error('attribution: direct: expected a channel name or a list of channel names, got NULL')
         WHEN typeof(d) LIKE '%[]'
         THEN coalesce(try_cast(d AS VARCHAR[]),
                       error('attribution: direct: expected a channel name or a list of channel names, got ' || typeof(d)))
         ELSE [try_cast(d AS VARCHAR)] END;

-- _martdb_attribution_scale is the scale of a DECIMAL type name (2 for
-- DECIMAL(12,2)), NULL for any other type.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_scale(type_name) AS
    try_cast(regexp_extract(type_name, '^DECIMAL\(\d+,(\d+)\)$', 1) AS INTEGER);

-- _martdb_attribution_units is a DECIMAL value as a whole number of its
-- smallest units (19.99 in DECIMAL(12,2) is 1999), exactly: a DECIMAL's
-- text has exactly its scale's digits after the point. A value of 2^63
-- units or more (possible only beyond 18 digits) is an error rather than
-- an inexact split. A NULL value is 0 units.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_units(v) AS
    CASE WHEN v IS NULL THEN 0::BIGINT
         ELSE coalesce(TRY_CAST(replace(v::VARCHAR, '.', '') AS BIGINT),
                       error('attribution: conv_value: ' || v::VARCHAR
                             || ' has too many digits to split exactly (2^63 units or more)')) END;

-- _martdb_attribution_upto is the part of a value of units whole units
-- credited to the touches whose cumulative weight is upto of total: units
-- * upto / total rounded to a whole unit (half away from zero), exactly 0
-- and units at the ends. It depends only on the three numbers, so the
-- same cumulative weight gives the same part on every row.
CREATE OR REPLACE TEMP MACRO _martdb_attribution_upto(units, upto, total) AS
    CASE WHEN upto <= 0 THEN 0::BIGINT
         WHEN upto >= total THEN units
         ELSE round(units::DOUBLE * upto::DOUBLE / total::DOUBLE)::BIGINT END;

CREATE OR REPLACE TEMP MACRO attribution(touches, "user", ts, channel, conversions, conv_user, conv_ts,
        conv_value := NULL, model := 'last_touch', lookback := INTERVAL 30 DAY, direct := 'direct',
        half_life := INTERVAL 7 DAY) AS TABLE
WITH
-- The options and the column types, checked on one row that every step
-- depends on (the pairs are made from it), so that a bad value fails even
-- on empty sources. A column's type is read from a scalar subquery, which
-- has its type even when the source has no row.
_attr_opts AS (
    SELECT _martdb_attribution_model(model) AS _model,
           _martdb_attribution_interval(lookback, 'lookback') AS _lookback,
           epoch(_martdb_attribution_interval(half_life, 'half_life')) * 1e6 AS _half_us,
           _martdb_attribution_direct(direct) AS _direct,
           _martdb_attribution_ts_type(typeof((SELECT ts FROM query_table(touches) LIMIT 1)), 'ts')
           AND _martdb_attribution_ts_type(typeof((SELECT conv_ts FROM query_table(conversions) LIMIT 1)), 'conv_ts')
           AND _martdb_attribution_value_type(typeof((SELECT conv_value FROM query_table(conversions) LIMIT 1)))
           AND _martdb_attribution_same_user(typeof((SELECT "user" FROM query_table(touches) LIMIT 1)),
                                             typeof((SELECT conv_user FROM query_table(conversions) LIMIT 1))) AS _checked
),
-- The touches that count: a user, a ts and a channel. Like the
-- conversions, they pass through the checked options, so that a bad
-- column type fails with its message before the join compares users.
_attr_touch AS (
    SELECT "user" AS _u, _martdb_attribution_ts(ts, 'ts') AS _t, TRY_CAST(channel AS VARCHAR) AS _c
    FROM query_table(touches) CROSS JOIN _attr_opts o
    WHERE "user" IS NOT NULL AND ts IS NOT NULL AND channel IS NOT NULL AND o._checked
),
-- The conversions that count (a user and a ts), numbered, with the start
-- of their lookback window (_from): _v is the value as a DOUBLE (1
-- without conv_value, 0 for a NULL value), _units the value in whole
-- units when it is a DECIMAL, and _scale that DECIMAL's scale.
_attr_conv AS (
    SELECT row_number() OVER () AS _k,
           conv_user AS _u,
           _martdb_attribution_ts(conv_ts, 'conv_ts') AS _t,
           _martdb_attribution_ts(conv_ts, 'conv_ts') - o._lookback AS _from,
           CASE WHEN typeof(conv_value) IN ('"NULL"', 'NULL') THEN 1::DOUBLE
                ELSE coalesce(TRY_CAST(conv_value AS DOUBLE), 0::DOUBLE) END AS _v,
           CASE WHEN _martdb_attribution_scale(typeof(conv_value)) IS NOT NULL
                THEN _martdb_attribution_units(conv_value) END AS _units,
           _martdb_attribution_scale(typeof(conv_value)) AS _scale
    FROM query_table(conversions) CROSS JOIN _attr_opts o
    WHERE conv_user IS NOT NULL AND conv_ts IS NOT NULL AND o._checked
),
-- Each conversion with each of its eligible touches (the same user, ts in
-- [conv_ts - lookback, conv_ts]), or once with a NULL channel when it has
-- none. _age is the touch's distance before the conversion in
-- microseconds, _nd 1 for a touch of a channel that is not direct.
_attr_pairs AS (
    SELECT c._k, t._t, t._c,
           epoch_us(c._t) - epoch_us(t._t) AS _age,
           CASE WHEN t._c IS NOT NULL AND NOT list_contains(o._direct, t._c) THEN 1 ELSE 0 END AS _nd
    FROM _attr_conv c
    LEFT JOIN _attr_touch t ON t._u = c._u AND t._t BETWEEN c._from AND c._t
    CROSS JOIN _attr_opts o
),
-- Each conversion's number of touches (_n), of non-direct touches (_tnd),
-- and the age of its latest touch (_amin).
_attr_counts AS (
    SELECT _k, count(*) AS _n, sum(_nd) AS _tnd, min(_age) AS _amin
    FROM _attr_pairs
    GROUP BY _k
),
-- Each pair with its time-decay weight, relative to the latest touch
-- (weight 1) so that the weights never all underflow to zero: _wt as a
-- DOUBLE, _wq as a whole number of 2^-40.
_attr_weighted AS (
    SELECT _k, _t, _c, _nd, _wt, round(_wt * 1099511627776)::BIGINT AS _wq
    FROM (SELECT p._k, p._t, p._c, p._nd, coalesce(pow(2::DOUBLE, -(p._age - n._amin) / o._half_us), 1::DOUBLE) AS _wt
          FROM _attr_pairs p
          JOIN _attr_counts n ON n._k = p._k
          CROSS JOIN _attr_opts o)
),
-- Each conversion's value and counts, and its total time-decay weight
-- both ways.
_attr_totals AS (
    SELECT c._k, c._v, c._units, c._scale, n._n, n._tnd, w._wsum, w._wqsum
    FROM (SELECT _k, sum(_wt) AS _wsum, sum(_wq) AS _wqsum FROM _attr_weighted GROUP BY _k) w
    JOIN _attr_counts n ON n._k = w._k
    JOIN _attr_conv c ON c._k = w._k
),
-- Each pair's place among its conversion's touches in (ts, channel) order:
-- _rn its position, _cnd the non-direct touches up to it, _q6 the
-- whole-number time-decay weight up to it. One sort of narrow rows; the
-- conversion's totals are joined afterwards.
_attr_ranked AS (
    SELECT _k, coalesce(_c, '(unattributed)') AS _ch, _nd, _wt, _wq,
           row_number() OVER _upto AS _rn,
           sum(_nd) OVER _upto AS _cnd,
           sum(_wq) OVER _upto AS _q6
    FROM _attr_weighted
    WINDOW _upto AS (PARTITION BY _k ORDER BY _t, _c ROWS UNBOUNDED PRECEDING)
),
-- Each pair's share of its conversion under every model (_s1 first_touch,
-- _s2 last_touch, _s3 last_non_direct, _s4 linear, _s5 position_based, _s6
-- time_decay), and for the exact split of a DECIMAL value each share as a
-- whole-number weight: _q* the cumulative weight of the conversion's
-- touches 1.._rn, _p* that of touches 1.._rn - 1, _w* the total.
_attr_shares AS (
    SELECT r._ch, t._v, t._units, t._scale,
           CASE WHEN r._rn = 1 THEN 1::DOUBLE ELSE 0::DOUBLE END AS _s1,
           CASE WHEN r._rn = t._n THEN 1::DOUBLE ELSE 0::DOUBLE END AS _s2,
           CASE WHEN (t._tnd > 0 AND r._nd = 1 AND r._cnd = t._tnd) OR (t._tnd = 0 AND r._rn = t._n)
                THEN 1::DOUBLE ELSE 0::DOUBLE END AS _s3,
           1::DOUBLE / t._n AS _s4,
           CASE WHEN t._n = 1 THEN 1::DOUBLE WHEN t._n = 2 THEN 0.5::DOUBLE
                WHEN r._rn = 1 OR r._rn = t._n THEN 0.4::DOUBLE ELSE 0.2::DOUBLE / (t._n - 2) END AS _s5,
           r._wt / t._wsum AS _s6,
           -- linear: weight 1 each.
           r._rn AS _q4, r._rn - 1 AS _p4, t._n AS _w4,
           -- position_based: 1 each for one or two touches, else 2(n - 2)
           -- for the first and the last and 1 for each middle one (0.4,
           -- 0.4 and 0.2 / (n - 2) of 5(n - 2)).
           CASE WHEN t._n <= 2 THEN r._rn WHEN r._rn = t._n THEN 5 * (t._n - 2) ELSE 2 * (t._n - 2) + r._rn - 1 END AS _q5,
           CASE WHEN t._n <= 2 OR r._rn = 1 THEN r._rn - 1 ELSE 2 * (t._n - 2) + r._rn - 2 END AS _p5,
           CASE WHEN t._n <= 2 THEN t._n ELSE 5 * (t._n - 2) END AS _w5,
           r._q6, r._q6 - r._wq AS _p6, t._wqsum AS _w6
    FROM _attr_ranked r
    JOIN _attr_totals t ON t._k = r._k
),
-- The value credited to each pair under every model: the value times the
-- share in DOUBLE (_d*), or for a DECIMAL value in whole units (_i*): the
-- rounded value of the cumulative share up to the touch minus that up to
-- the touch before, so that the credits of a conversion add up to its
-- value exactly (see doc.go). The 0-or-1 shares split nothing.
_attr_credits AS (
    SELECT _ch, _scale, _s1, _s2, _s3, _s4, _s5, _s6,
           CASE WHEN _units IS NULL THEN _v * _s1 END AS _d1,
           CASE WHEN _units IS NULL THEN _v * _s2 END AS _d2,
           CASE WHEN _units IS NULL THEN _v * _s3 END AS _d3,
           CASE WHEN _units IS NULL THEN _v * _s4 END AS _d4,
           CASE WHEN _units IS NULL THEN _v * _s5 END AS _d5,
           CASE WHEN _units IS NULL THEN _v * _s6 END AS _d6,
           CASE WHEN _s1 = 1 THEN _units ELSE 0 END AS _i1,
           CASE WHEN _s2 = 1 THEN _units ELSE 0 END AS _i2,
           CASE WHEN _s3 = 1 THEN _units ELSE 0 END AS _i3,
           CASE WHEN _units IS NOT NULL
                THEN _martdb_attribution_upto(_units, _q4, _w4) - _martdb_attribution_upto(_units, _p4, _w4) END AS _i4,
           CASE WHEN _units IS NOT NULL
                THEN _martdb_attribution_upto(_units, _q5, _w5) - _martdb_attribution_upto(_units, _p5, _w5) END AS _i5,
           CASE WHEN _units IS NOT NULL
                THEN _martdb_attribution_upto(_units, _q6, _w6) - _martdb_attribution_upto(_units, _p6, _w6) END AS _i6
    FROM _attr_shares
),
-- One row per channel: its conversions (_c*) and value (_v*) under every
-- model, the value back from whole units to the DECIMAL's scale.
_attr_channels AS (
    SELECT _ch,
           sum(_s1) AS _c1, sum(_s2) AS _c2, sum(_s3) AS _c3, sum(_s4) AS _c4, sum(_s5) AS _c5, sum(_s6) AS _c6,
           coalesce(sum(_i1)::DOUBLE / pow(10, any_value(_scale)), sum(_d1)) AS _v1,
           coalesce(sum(_i2)::DOUBLE / pow(10, any_value(_scale)), sum(_d2)) AS _v2,
           coalesce(sum(_i3)::DOUBLE / pow(10, any_value(_scale)), sum(_d3)) AS _v3,
           coalesce(sum(_i4)::DOUBLE / pow(10, any_value(_scale)), sum(_d4)) AS _v4,
           coalesce(sum(_i5)::DOUBLE / pow(10, any_value(_scale)), sum(_d5)) AS _v5,
           coalesce(sum(_i6)::DOUBLE / pow(10, any_value(_scale)), sum(_d6)) AS _v6
    FROM _attr_credits
    GROUP BY _ch
),
-- The models asked for, one row per (model, channel).
_attr_long AS (
    SELECT m._i, m._name, b._ch,
           CASE m._i WHEN 1 THEN _c1 WHEN 2 THEN _c2 WHEN 3 THEN _c3 WHEN 4 THEN _c4 WHEN 5 THEN _c5 ELSE _c6 END AS _conv,
           CASE m._i WHEN 1 THEN _v1 WHEN 2 THEN _v2 WHEN 3 THEN _v3 WHEN 4 THEN _v4 WHEN 5 THEN _v5 ELSE _v6 END AS _value
    FROM _attr_channels b
    CROSS JOIN (VALUES (1, 'first_touch'), (2, 'last_touch'), (3, 'last_non_direct'),
                       (4, 'linear'), (5, 'position_based'), (6, 'time_decay')) m(_i, _name)
    CROSS JOIN _attr_opts o
    WHERE o._model IN ('all', m._name)
)
-- The model column only when every model is asked for.
SELECT COLUMNS(_col -> _col IN ('channel', 'conversions', 'value')
                      OR (_col = 'model' AND coalesce(try_cast(model AS VARCHAR) = 'all', false)))
FROM (SELECT _i, _ch, _name AS model, _ch AS channel, _conv AS conversions, _value AS value FROM _attr_long)
ORDER BY _i, _ch = '(unattributed)', _ch
