-- sessionize(source, user, ts, gap) and sessions(source, user, ts, gap):
-- sessions of a user event log, row by row and one row per session. See
-- doc.go for the exact semantics.

-- _martdb_sessions_us is ts in microseconds since the epoch, or an error
-- naming the function and the argument for a column of another type. A
-- TIMESTAMPTZ counts its instant, so a gap across a daylight-saving change
-- is the time that really passed. typeof() is constant, so the check
-- costs nothing per row. The casts are TRY_CASTs only so that a column of
-- any type binds and reaches the error; on the types they are used for
-- they cannot fail.
CREATE OR REPLACE TEMP MACRO _martdb_sessions_us(ts, fn) AS
    CASE WHEN typeof(ts) = 'TIMESTAMP WITH TIME ZONE'
         THEN epoch_us(TRY_CAST(ts AS TIMESTAMPTZ))
         WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN epoch_us(TRY_CAST(ts AS TIMESTAMP))
         ELSE error(fn || ': ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_sessions_gap is gap as an INTERVAL when it is one (or a string
-- that casts to one) and is not negative, else an error naming the
-- function and the argument.
CREATE OR REPLACE TEMP MACRO _martdb_sessions_gap(gap, fn) AS
    CASE WHEN try_cast(gap AS INTERVAL) >= INTERVAL 0 SECOND THEN try_cast(gap AS INTERVAL)
         ELSE error(fn || ': gap: expected an INTERVAL of zero or more, got ' || coalesce(gap::VARCHAR, 'NULL')) END;

-- _martdb_sessions_new is 1 when an event us microseconds after the epoch
-- starts a new session, given the user's previous event at prev_us (NULL
-- for the first event): when there is none, or when more than gap passed.
CREATE OR REPLACE TEMP MACRO _martdb_sessions_new(us, prev_us, gap) AS
    CASE WHEN prev_us IS NULL OR to_microseconds(us - prev_us) > gap THEN 1 ELSE 0 END;

CREATE OR REPLACE TEMP MACRO sessionize(source, "user", ts, gap := INTERVAL 30 MINUTE) AS TABLE
WITH
-- The gap, checked on one row that the rows are joined with, so that a bad
-- value fails even on an empty source.
_opts AS (
    SELECT _martdb_sessions_gap(gap, 'sessionize') AS _gap
),
-- The rows with a user and a ts, in each user's time order: __martdb_new
-- is 1 on a row that starts a session, __martdb_rank is 1 + the number of
-- the user's rows strictly earlier. Of rows with equal timestamps only the
-- first in lag's order can be 1, the others being 0 apart from it.
_flagged AS (
    SELECT __martdb_s.*,
           _martdb_sessions_new(__martdb_s.__martdb_us, lag(__martdb_s.__martdb_us) OVER _w, __martdb_o._gap) AS __martdb_new,
           rank() OVER _w AS __martdb_rank
    FROM (SELECT *, _martdb_sessions_us(ts, 'sessionize') AS __martdb_us
          FROM query_table(source)
          WHERE "user" IS NOT NULL AND ts IS NOT NULL) __martdb_s
    CROSS JOIN _opts __martdb_o
    WINDOW _w AS (PARTITION BY "user" ORDER BY __martdb_s.__martdb_us)
)
-- The same window, whose default RANGE frame runs from the user's first
-- row to the current row and its peers (the rows with the same ts), so
-- equal timestamps always get equal values: the session number counts the
-- starts so far, and the latest start gives the session's first ts and
-- rank.
SELECT * EXCLUDE (__martdb_us, __martdb_new, __martdb_rank),
       (sum(__martdb_new) OVER _w)::BIGINT AS session_number,
       max(CASE WHEN __martdb_new = 1 THEN ts END) OVER _w AS session_start,
       (__martdb_rank - max(CASE WHEN __martdb_new = 1 THEN __martdb_rank END) OVER _w + 1)::BIGINT AS event_in_session
FROM _flagged
WINDOW _w AS (PARTITION BY "user" ORDER BY __martdb_us)
UNION ALL BY NAME
-- Rows without a user or a ts: kept, in no session.
SELECT *, NULL::BIGINT AS session_number, NULL AS session_start, NULL::BIGINT AS event_in_session
FROM query_table(source)
WHERE "user" IS NULL OR ts IS NULL;

CREATE OR REPLACE TEMP MACRO sessions(source, "user", ts, gap := INTERVAL 30 MINUTE) AS TABLE
WITH
-- The gap, checked as in sessionize.
_opts AS (
    SELECT _martdb_sessions_gap(gap, 'sessions') AS _gap
),
-- The rows with a user and a ts, each flagged 1 when it starts a session.
_flagged AS (
    SELECT s._u, s._t, s._us,
           _martdb_sessions_new(s._us, lag(s._us) OVER (PARTITION BY s._u ORDER BY s._us), o._gap) AS _new
    FROM (SELECT "user" AS _u, ts AS _t, _martdb_sessions_us(ts, 'sessions') AS _us
          FROM query_table(source)
          WHERE "user" IS NOT NULL AND ts IS NOT NULL) s
    CROSS JOIN _opts o
),
-- The session number: the starts up to the row and its peers.
_numbered AS (
    SELECT _u, _t, _us, sum(_new) OVER (PARTITION BY _u ORDER BY _us)::BIGINT AS _s
    FROM _flagged
)
SELECT _u AS "user",
       _s AS session_number,
       min(_t) AS session_start,
       max(_t) AS session_end,
       count(*) AS events,
       (max(_us) - min(_us)) / 1e6 AS duration_seconds
FROM _numbered
GROUP BY _u, _s
ORDER BY 1, 2;
