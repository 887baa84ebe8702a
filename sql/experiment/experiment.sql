-- The experiment family: ab_test (a table macro) and sample_size (a
-- scalar macro), over the Go distribution functions of udf.go
-- (_martdb_experiment_norm_cdf, _norm_quantile, _t_cdf, _t_quantile).
-- Every argument is checked here, in SQL, before a Go function sees it,
-- so that errors read "<function>: <argument>: expected ...". See doc.go
-- for the semantics.

-- _martdb_experiment_numeric says whether a type name is a number type.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_numeric(type_name) AS
    type_name IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
                  'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT', 'FLOAT', 'DOUBLE')
    OR starts_with(type_name, 'DECIMAL(');

-- _martdb_experiment_integer says whether a type name is an integer type.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_integer(type_name) AS
    type_name IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
                  'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT');

-- _martdb_experiment_number is x as a DOUBLE when it is a finite number
-- of a number type, else NULL (a string such as '0.05' is not a number).
-- TRY_CAST binds for every type (giving NULL where there is no cast), so
-- the CASE binds whatever x is.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_number(x) AS
    CASE WHEN _martdb_experiment_numeric(typeof(x)) AND isfinite(try_cast(x AS DOUBLE))
         THEN try_cast(x AS DOUBLE) END;

-- _martdb_experiment_shown is an argument as text for an error message.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_shown(x) AS
    coalesce(x::VARCHAR, 'NULL');

-- _martdb_experiment_converted is a user's converted flag as a BOOLEAN:
-- a BOOLEAN as it is, an integer 0 or 1 as false or true, NULL as false
-- (an exposed user with no conversion recorded, as a LEFT JOIN gives
-- them). Anything else is an error naming the argument; typeof() is
-- constant, so the check costs nothing per row.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_converted(converted) AS
    CASE WHEN typeof(converted) = 'BOOLEAN' THEN coalesce(try_cast(converted AS BOOLEAN), false)
         WHEN _martdb_experiment_integer(typeof(converted))
         THEN CASE WHEN converted IS NULL THEN false
                   WHEN try_cast(converted AS BIGINT) = 1 THEN true
                   WHEN try_cast(converted AS BIGINT) = 0 THEN false
                   ELSE error('ab_test: converted: expected 0 or 1, got ' || converted::VARCHAR) END
         ELSE error('ab_test: converted: expected a BOOLEAN or a 0/1 integer column, got ' || typeof(converted)) END;

-- _martdb_experiment_value is a user's value as a DOUBLE (NULL stays
-- NULL and is left out of the value statistics), or an error: a column
-- that is not numeric, NaN or an infinity.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_value(value) AS
    CASE WHEN typeof(value) IN ('"NULL"', 'NULL') THEN NULL::DOUBLE
         WHEN NOT _martdb_experiment_numeric(typeof(value))
         THEN error('ab_test: value: expected a numeric column, got ' || typeof(value))
         WHEN value IS NULL THEN NULL::DOUBLE
         WHEN NOT isfinite(try_cast(value AS DOUBLE))
         THEN error('ab_test: value: expected finite numbers, got ' || value::VARCHAR)
         ELSE try_cast(value AS DOUBLE) END;

CREATE OR REPLACE TEMP MACRO ab_test(source, variant, converted, value := NULL, control := NULL, alpha := 0.05, min_sample := 100) AS TABLE
WITH
-- The options, checked on one row that every later step joins, so that a
-- bad value fails even on an empty source.
_opts AS (
    SELECT
        CASE WHEN _martdb_experiment_number(alpha) > 0 AND _martdb_experiment_number(alpha) < 1
             THEN _martdb_experiment_number(alpha)
             ELSE error('ab_test: alpha: expected a number in (0, 1), got ' || _martdb_experiment_shown(alpha)) END AS _alpha,
        CASE WHEN _martdb_experiment_number(min_sample) >= 0
                  AND _martdb_experiment_number(min_sample) = floor(_martdb_experiment_number(min_sample))
             THEN least(_martdb_experiment_number(min_sample), 9e18)::BIGINT -- beyond BIGINT is no different
             ELSE error('ab_test: min_sample: expected a whole number >= 0, got ' || _martdb_experiment_shown(min_sample)) END AS _min,
        control::VARCHAR AS _control
),
-- One row per unit with a variant.
_rows AS (
    SELECT variant::VARCHAR AS _v,
           _martdb_experiment_converted(converted) AS _c,
           _martdb_experiment_value(value) AS _x,
           typeof(value) NOT IN ('"NULL"', 'NULL') AS _hv
    FROM query_table(source)
    WHERE variant IS NOT NULL
),
-- The sufficient statistics of each variant.
_groups AS (
    SELECT _v, count(*) AS _n, count(*) FILTER (WHERE _c) AS _k,
           count(_x) AS _vn, avg(_x) AS _mean, var_samp(_x) AS _var,
           bool_or(_hv) AS _has_value
    FROM _rows
    GROUP BY _v
),
-- The control: the given one, else the lowest variant name.
_cfg AS (
    SELECT o.*,
           coalesce(o._control, (SELECT min(_v) FROM _groups)) AS _cv,
           (SELECT count(*) FROM _groups) AS _variants,
           -_martdb_experiment_norm_quantile(o._alpha / 2) AS _zcrit
    FROM _opts o
),
-- Each variant beside the control (c.* NULL when there is no such control).
_pairs AS (
    SELECT g._v, g._n, g._k, g._vn, g._mean, g._var, g._has_value,
           c._n AS _cn, c._k AS _ck, c._vn AS _cvn, c._mean AS _cmean, c._var AS _cvar,
           f._alpha, f._min, f._cv, f._variants, f._zcrit,
           g._v = f._cv AS _is_ctl
    FROM _groups g CROSS JOIN _cfg f LEFT JOIN _groups c ON c._v = f._cv
),
-- The rates, their standard errors and Welch's standard error and df.
-- _missing is NULL, or the error of a control that no row has; it is
-- part of warning so that it is always evaluated.
_se AS (
    SELECT *,
           CASE WHEN _cn IS NULL THEN error('ab_test: control: no variant named ''' || _cv || ''' in the source') END AS _missing,
           _k::DOUBLE / _n AS _p,
           _ck::DOUBLE / _cn AS _cp,
           (_k + _ck)::DOUBLE / (_n + _cn) AS _pool,
           _var / nullif(_vn, 0) AS _w,
           _cvar / nullif(_cvn, 0) AS _cw
    FROM _pairs
),
_tests AS (
    SELECT *,
           sqrt(_p * (1 - _p) / _n + _cp * (1 - _cp) / _cn) AS _se_diff,
           sqrt(_pool * (1 - _pool) * (1.0 / _n + 1.0 / _cn)) AS _se_pool,
           sqrt(_w + _cw) AS _vse,
           (_w + _cw) ** 2 / nullif(_w ** 2 / nullif(_vn - 1, 0) + _cw ** 2 / nullif(_cvn - 1, 0), 0) AS _df
    FROM _se
),
_stats AS (
    SELECT *,
           CASE WHEN NOT _is_ctl THEN (_p - _cp) / nullif(_se_pool, 0) END AS _z,
           CASE WHEN NOT _is_ctl THEN (_mean - _cmean) / nullif(_vse, 0) END AS _t,
           CASE WHEN NOT _is_ctl AND _vse > 0 THEN _martdb_experiment_t_quantile(1 - _alpha / 2, _df) END AS _tcrit
    FROM _tests
)
SELECT _v AS variant,
       _is_ctl AS is_control,
       _n AS users,
       _k AS conversions,
       _p AS rate,
       CASE WHEN _is_ctl THEN 0::DOUBLE ELSE _p / nullif(_cp, 0) - 1 END AS uplift,
       CASE WHEN NOT _is_ctl THEN (_p - _cp) - _zcrit * _se_diff END AS rate_ci_low,
       CASE WHEN NOT _is_ctl THEN (_p - _cp) + _zcrit * _se_diff END AS rate_ci_high,
       _z AS z,
       2 * _martdb_experiment_norm_cdf(-abs(_z)) AS p_value,
       _mean AS mean_value,
       CASE WHEN _mean IS NULL THEN NULL WHEN _is_ctl THEN 0::DOUBLE ELSE _mean / nullif(_cmean, 0) - 1 END AS value_uplift,
       (_mean - _cmean) - _tcrit * _vse AS value_ci_low,
       (_mean - _cmean) + _tcrit * _vse AS value_ci_high,
       _t AS t,
       CASE WHEN NOT _is_ctl AND _t IS NOT NULL THEN _df END AS df,
       CASE WHEN _t IS NOT NULL THEN 2 * _martdb_experiment_t_cdf(-abs(_t), _df) END AS value_p_value,
       nullif(concat_ws('; ',
           _missing,
           CASE WHEN _variants = 1 THEN 'only one variant: nothing to compare it with' END,
           CASE WHEN least(_n, _cn) < _min
                THEN 'fewer than ' || _min || ' users (min_sample) in this variant or the control' END,
           CASE WHEN least(_k, _n - _k, _ck, _cn - _ck) < 5
                THEN 'fewer than 5 conversions or non-conversions in this variant or the control: the normal approximation is unreliable' END,
           CASE WHEN _has_value AND least(_vn, _cvn) < 2
                THEN 'fewer than 2 values in this variant or the control: no Welch test' END), '') AS warning
FROM _stats
ORDER BY 2 DESC, 1;

-- sample_size's argument checks: each is its argument as a DOUBLE (or
-- BOOLEAN), NULL staying NULL, or an error naming the argument.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_open_unit(arg, x, what) AS
    CASE WHEN x IS NULL THEN NULL::DOUBLE
         WHEN _martdb_experiment_number(x) > 0 AND _martdb_experiment_number(x) < 1 THEN _martdb_experiment_number(x)
         ELSE error('sample_size: ' || arg || ': expected ' || what || ' in (0, 1), got ' || x::VARCHAR) END;

CREATE OR REPLACE TEMP MACRO _martdb_experiment_mde(mde) AS
    CASE WHEN mde IS NULL THEN NULL::DOUBLE
         WHEN _martdb_experiment_number(mde) IS NULL
         THEN error('sample_size: min_detectable_effect: expected a number, got ' || mde::VARCHAR)
         WHEN _martdb_experiment_number(mde) = 0
         THEN error('sample_size: min_detectable_effect: expected a non-zero effect, got ' || mde::VARCHAR)
         ELSE _martdb_experiment_number(mde) END;

CREATE OR REPLACE TEMP MACRO _martdb_experiment_relative(relative) AS
    CASE WHEN typeof(relative) IN ('BOOLEAN', '"NULL"', 'NULL') THEN try_cast(relative AS BOOLEAN)
         ELSE error('sample_size: relative: expected true or false, got ' || relative::VARCHAR) END;

-- _martdb_experiment_treated is the treated rate p2 of checked
-- arguments, or an error when it is not in (0, 1); NULL when one of them
-- is NULL.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_treated(p1, mde, relative) AS
    list_transform([CASE WHEN relative THEN p1 * (1 + mde) WHEN NOT relative THEN p1 + mde END], lambda p2:
        CASE WHEN p2 IS NULL OR (p2 > 0 AND p2 < 1) THEN p2
             ELSE error('sample_size: min_detectable_effect: the treated rate '
                        || CASE WHEN relative THEN 'baseline_rate * (1 + min_detectable_effect)'
                                ELSE 'baseline_rate + min_detectable_effect' END
                        || ' = ' || p2::VARCHAR || ': expected a rate in (0, 1)') END)[1];

-- _martdb_experiment_sample_n is the formula of doc.go, rounded up.
CREATE OR REPLACE TEMP MACRO _martdb_experiment_sample_n(p1, p2, za, zb) AS
    ceil((za * sqrt(2 * ((p1 + p2) / 2) * (1 - (p1 + p2) / 2)) + zb * sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
         / (p2 - p1) ** 2)::BIGINT;

-- sample_size binds each checked argument once (a one-element list and a
-- lambda are SQL's let): a macro repeats its arguments wherever they
-- appear, and the nested checks would otherwise multiply into thousands
-- of copies of each.
CREATE OR REPLACE TEMP MACRO sample_size(baseline_rate, min_detectable_effect, alpha := 0.05, power := 0.8, relative := true) AS
    list_transform([{'p1': _martdb_experiment_open_unit('baseline_rate', baseline_rate, 'a rate'),
                     'mde': _martdb_experiment_mde(min_detectable_effect),
                     'relative': _martdb_experiment_relative(relative),
                     'alpha': _martdb_experiment_open_unit('alpha', alpha, 'a number'),
                     'power': _martdb_experiment_open_unit('power', power, 'a number')}], lambda a:
        list_transform([_martdb_experiment_treated(a.p1, a.mde, a.relative)], lambda p2:
            _martdb_experiment_sample_n(a.p1, p2,
                                        -_martdb_experiment_norm_quantile(a.alpha / 2),
                                        _martdb_experiment_norm_quantile(a.power)))[1])[1];
