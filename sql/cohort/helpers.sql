-- Helper macros shared by cohort(...) and lifecycle(...). fn is the name of
-- the calling report, so that every error names the function the user
-- wrote. See doc.go for the semantics.

-- _martdb_cohort_part is period when it is a valid period, else 'day':
-- date_trunc needs a valid specifier to bind, and each report's options
-- CTE raises the error for an invalid one. A constant period gives a
-- constant part, so date_trunc parses it once.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_part(period) AS
    CASE WHEN period::VARCHAR IN ('hour', 'day', 'week', 'month', 'quarter', 'year')
         THEN period::VARCHAR ELSE 'day' END;

-- _martdb_cohort_period is period checked: the period, or an error naming
-- fn and the argument.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_period(fn, period) AS
    CASE WHEN period::VARCHAR IN ('hour', 'day', 'week', 'month', 'quarter', 'year') THEN period::VARCHAR
         ELSE error(fn || ': period: expected hour, day, week, month, quarter or year, got '
                    || coalesce('''' || period::VARCHAR || '''', 'NULL')) END;

-- _martdb_cohort_ts is ts as a TIMESTAMP (a TIMESTAMPTZ becomes its
-- wall-clock time in the session's TimeZone), or an error naming fn and
-- the argument for a column of another type. typeof() is constant, so the
-- check costs nothing per row.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_ts(fn, ts) AS
    CASE WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN ts::TIMESTAMP
         ELSE error(fn || ': ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_cohort_event is an event condition as a BOOLEAN, NULL as false,
-- or an error naming the argument when it is not a BOOLEAN.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_event(cond, arg) AS
    CASE WHEN typeof(cond) IN ('BOOLEAN', '"NULL"', 'NULL')
         THEN coalesce(cond::BOOLEAN, false)
         ELSE error('cohort: ' || arg || ': expected a BOOLEAN condition, got ' || typeof(cond)) END;

-- _martdb_cohort_amount is amount when it is a number (or NULL), else an
-- error naming the argument. The number keeps its type, so that revenue
-- is sum()'s result for it (a DECIMAL stays exact).
CREATE OR REPLACE TEMP MACRO _martdb_cohort_amount(amount) AS
    CASE WHEN typeof(amount) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
                                 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT',
                                 'FLOAT', 'DOUBLE', '"NULL"', 'NULL')
              OR starts_with(typeof(amount), 'DECIMAL(')
         THEN amount
         ELSE error('cohort: amount: expected a numeric column, got ' || typeof(amount)) END;

-- _martdb_cohort_n numbers a truncated timestamp: whole periods since
-- Monday 1970-01-05, so that consecutive periods have consecutive numbers.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_n(part, t) AS
    date_diff(part, TIMESTAMP '1970-01-05', t);

-- _martdb_cohort_step is the length of one period, to list the periods
-- between two truncated timestamps.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_step(part) AS
    CASE part WHEN 'hour' THEN INTERVAL 1 HOUR WHEN 'day' THEN INTERVAL 1 DAY WHEN 'week' THEN INTERVAL 7 DAY
              WHEN 'month' THEN INTERVAL 1 MONTH WHEN 'quarter' THEN INTERVAL 3 MONTH ELSE INTERVAL 1 YEAR END;

-- _martdb_cohort_label picks, from a relation with the columns _ts (a
-- period start as a TIMESTAMP) and _d (the same as a DATE), the one a
-- report shows: the TIMESTAMP for hour periods, the DATE otherwise. The
-- choice is made when the query is bound, from the constant period.
CREATE OR REPLACE TEMP MACRO _martdb_cohort_label_col(period) AS
    CASE WHEN _martdb_cohort_part(period) = 'hour' THEN '_ts' ELSE '_d' END;
