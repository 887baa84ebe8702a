-- paths(source, user, ts, event, ...): the most common event sequences of
-- a user event log's sessions. See doc.go for the exact semantics.

-- _martdb_paths_us is ts in microseconds since the epoch, or an error
-- naming the function and the argument for a column of another type (as
-- sql/sessions does: a TIMESTAMPTZ counts its instant).
CREATE OR REPLACE TEMP MACRO _martdb_paths_us(ts, fn) AS
    CASE WHEN typeof(ts) = 'TIMESTAMP WITH TIME ZONE'
         THEN epoch_us(TRY_CAST(ts AS TIMESTAMPTZ))
         WHEN typeof(ts) IN ('TIMESTAMP', 'DATE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')
         THEN epoch_us(TRY_CAST(ts AS TIMESTAMP))
         ELSE error(fn || ': ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got ' || typeof(ts)) END;

-- _martdb_paths_gap is session_gap as an INTERVAL of zero or more, else an
-- error naming the function and the argument.
CREATE OR REPLACE TEMP MACRO _martdb_paths_gap(gap, fn) AS
    CASE WHEN try_cast(gap AS INTERVAL) >= INTERVAL 0 SECOND THEN try_cast(gap AS INTERVAL)
         ELSE error(fn || ': session_gap: expected an INTERVAL of zero or more, got ' || coalesce(gap::VARCHAR, 'NULL')) END;

-- _martdb_paths_steps is max_steps as an INTEGER when it is a whole number
-- from 2 to 10, else an error.
CREATE OR REPLACE TEMP MACRO _martdb_paths_steps(n, fn) AS
    CASE WHEN typeof(n) <> 'BOOLEAN'
              AND try_cast(n AS DOUBLE) BETWEEN 2 AND 10
              AND try_cast(n AS DOUBLE) = floor(try_cast(n AS DOUBLE))
         THEN try_cast(n AS INTEGER)
         ELSE error(fn || ': max_steps: expected a whole number from 2 to 10, got ' || coalesce(n::VARCHAR, 'NULL')) END;

-- _martdb_paths_name is an event-name option (start, end_event) as a
-- VARCHAR, NULL when not given; a list, struct or map is an error (cast to
-- text it would silently match nothing).
CREATE OR REPLACE TEMP MACRO _martdb_paths_name(v, fn, arg) AS
    CASE WHEN typeof(v) LIKE '%[]' OR typeof(v) LIKE '%]' OR typeof(v) LIKE 'STRUCT(%' OR typeof(v) LIKE 'MAP(%' OR typeof(v) LIKE 'UNION(%'
         THEN error(fn || ': ' || arg || ': expected an event name (VARCHAR) or NULL, got ' || typeof(v))
         ELSE TRY_CAST(v AS VARCHAR) END;

-- _martdb_paths_bool is collapse as a BOOLEAN, else an error.
CREATE OR REPLACE TEMP MACRO _martdb_paths_bool(v, fn, arg) AS
    CASE WHEN typeof(v) = 'BOOLEAN' AND v IS NOT NULL THEN TRY_CAST(v AS BOOLEAN)
         ELSE error(fn || ': ' || arg || ': expected true or false, got ' || coalesce(v::VARCHAR, 'NULL')) END;

-- _martdb_paths_mark is an event's name with its session mark in front:
-- '1' when the event starts a session, else '0'.
CREATE OR REPLACE TEMP MACRO _martdb_paths_mark(new, e) AS
    CASE WHEN new THEN '1' ELSE '0' END || e;

-- _martdb_paths_window is the marked event x of the current row and of
-- the 9 rows after it in the window (PARTITION BY u ORDER BY o), NULL past
-- the user's last event: a path of up to 10 steps reads from it. Nine
-- lead()s over one sort cost a third of one list() over a frame of the
-- same rows.
CREATE OR REPLACE TEMP MACRO _martdb_paths_window(x, u, o) AS
    list_value(x,
                 lead(x, 1) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 2) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 3) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 4) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 5) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 6) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 7) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 8) OVER (PARTITION BY u ORDER BY o),
                 lead(x, 9) OVER (PARTITION BY u ORDER BY o));

-- _martdb_paths_ahead is the events of w (marked, from the current one
-- on) up to k of them and up to, not including, the next event that
-- starts a session or the user's end: the session from here on.
CREATE OR REPLACE TEMP MACRO _martdb_paths_ahead(w, k) AS
    list_transform(w[1:least(k, coalesce(list_position(list_transform(w[2:], lambda v: v IS NULL OR v[1] = '1'), true), k))],
                   lambda v: v[2:]);

-- _martdb_paths_behind is the same read backwards (w from the current
-- event back in time): up to k events, back to the session's first event,
-- in time order.
CREATE OR REPLACE TEMP MACRO _martdb_paths_behind(w, k) AS
    list_reverse(list_transform(
        w[1:least(k, coalesce(list_position(list_transform(w, lambda v: v[1] = '1'), true), k),
                  coalesce(list_position(list_transform(w, lambda v: v IS NULL), true) - 1, k))],
        lambda v: v[2:]));

-- _martdb_paths_until is the path from a start event given the events c
-- ahead of it in its session (at most k): up to the first en after it;
-- when that is further than k - 1 events on (more_en: the session has one
-- after the k events), the first k - 1 events, '...' and en; NULL when the
-- session has no en after the start.
CREATE OR REPLACE TEMP MACRO _martdb_paths_until(c, k, en, more_en) AS
    CASE WHEN list_position(c[2:], en) IS NOT NULL THEN c[1:list_position(c[2:], en) + 1]
         WHEN more_en THEN list_concat(c[1:k - 1], ['...', en]) END;

CREATE OR REPLACE TEMP MACRO paths(source, "user", ts, event, "start" := NULL, end_event := NULL, max_steps := 5,
                                   session_gap := INTERVAL 30 MINUTE, collapse := true) AS TABLE
WITH
-- The options, checked on one row that the rows are joined with, so that
-- a bad value fails even on an empty source. _back: the paths end at the
-- end event, so they are read backwards; _anchor: the event a path is
-- read from (NULL: the session's first event).
_opts AS (
    SELECT _gap, _k, _st, _en, _collapse, _st IS NULL AND _en IS NOT NULL AS _back, coalesce(_st, _en) AS _anchor
    FROM (SELECT _martdb_paths_gap(session_gap, 'paths') AS _gap,
                 _martdb_paths_steps(max_steps, 'paths') AS _k,
                 _martdb_paths_name("start", 'paths', 'start') AS _st,
                 _martdb_paths_name(end_event, 'paths', 'end_event') AS _en,
                 _martdb_paths_bool(collapse, 'paths', 'collapse') AS _collapse)
),
-- The events with a user, a ts and an event name, in each user's order
-- (time, then event name for equal times) numbered by _r: _new is true on
-- an event that starts a session, _same on one that repeats the event
-- before it. Among equal (ts, event) rows the first in _r order is the
-- only one that can start a session.
_flagged AS (
    SELECT r._u, r._e,
           row_number() OVER _w AS _r,
           lag(r._us) OVER _w IS NULL OR to_microseconds(r._us - lag(r._us) OVER _w) > o._gap AS _new,
           r._e = lag(r._e) OVER _w AS _same
    FROM (SELECT "user" AS _u, _martdb_paths_us(ts, 'paths') AS _us, event::VARCHAR AS _e
          FROM query_table(source)
          WHERE "user" IS NOT NULL AND ts IS NOT NULL AND event IS NOT NULL) r
    CROSS JOIN _opts o
    WINDOW _w AS (PARTITION BY r._u ORDER BY r._us, r._e)
),
-- The events kept (repeats within a session dropped when collapsing), in
-- time order (backwards when _back), each with: _ss, the _r of its
-- session's first event; _last, the _r of the latest anchor event before
-- it; _next_en and _next_new, the _r of the next end event and of the next
-- session start after it; _w, its marked event and the next 9 in the
-- window's order.
_framed AS (
    SELECT f._u, f._e, f._r, f._new,
           CASE WHEN o._back THEN max(CASE WHEN f._new THEN f._r END) OVER (_w ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
                ELSE max(CASE WHEN f._new THEN f._r END) OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS _ss,
           CASE WHEN o._back THEN max(CASE WHEN f._e = o._anchor THEN f._r END) OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
                ELSE max(CASE WHEN f._e = o._anchor THEN f._r END) OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS _last,
           min(CASE WHEN f._e = o._en THEN f._r END) OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS _next_en,
           min(CASE WHEN f._new THEN f._r END) OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS _next_new,
           _martdb_paths_window(_martdb_paths_mark(f._new, f._e), f._u, CASE WHEN o._back THEN -f._r ELSE f._r END) AS _win
    FROM _flagged f CROSS JOIN _opts o
    WHERE f._new OR NOT (o._collapse AND f._same)
    WINDOW _w AS (PARTITION BY f._u ORDER BY CASE WHEN o._back THEN -f._r ELSE f._r END)
),
-- One row per session with a path, on the event the path is read from:
-- the session's first event, or its first anchor event.
_sessions AS (
    SELECT x._u,
           CASE WHEN o._back THEN _martdb_paths_behind(x._win, o._k)
                WHEN o._en IS NULL THEN _martdb_paths_ahead(x._win, o._k)
                ELSE _martdb_paths_until(_martdb_paths_ahead(x._win, o._k), o._k, o._en,
                                         x._next_en IS NOT NULL AND (x._next_new IS NULL OR x._next_en < x._next_new)) END AS _p
    FROM _framed x CROSS JOIN _opts o
    WHERE CASE WHEN o._anchor IS NULL THEN x._new
               ELSE x._e = o._anchor AND coalesce(x._last, 0) < x._ss END
),
_counted AS (
    SELECT _p, count(*) AS _n, count(DISTINCT _u) AS _users
    FROM _sessions
    WHERE _p IS NOT NULL
    GROUP BY _p
)
SELECT _p AS path,
       (len(_p) - CASE WHEN len(_p) = o._k + 1 THEN 1 ELSE 0 END)::INTEGER AS steps,
       _n AS sessions,
       _users AS users,
       _n / sum(_n) OVER () AS share
FROM _counted CROSS JOIN _opts o
ORDER BY sessions DESC, path;
