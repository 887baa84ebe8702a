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
-- from 2 to 50, else an error.
CREATE OR REPLACE TEMP MACRO _martdb_paths_steps(n, fn) AS
    CASE WHEN typeof(n) <> 'BOOLEAN'
              AND try_cast(n AS DOUBLE) BETWEEN 2 AND 50
              AND try_cast(n AS DOUBLE) = floor(try_cast(n AS DOUBLE))
         THEN try_cast(n AS INTEGER)
         ELSE error(fn || ': max_steps: expected a whole number from 2 to 50, got ' || coalesce(n::VARCHAR, 'NULL')) END;

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

-- _martdb_paths_ahead is the events of l, a frame of {'n': starts a
-- session, 'e': event} beginning at the current event, up to (not
-- including) the next event that starts a session.
CREATE OR REPLACE TEMP MACRO _martdb_paths_ahead(l) AS
    list_transform(l[1:coalesce(list_position(list_transform(l[2:], lambda x: x.n), true), len(l))], lambda x: x.e);

-- _martdb_paths_behind is the events of l, a frame ending at the current
-- event, from the last event that starts a session on.
CREATE OR REPLACE TEMP MACRO _martdb_paths_behind(l) AS
    list_transform(l[len(l) + 1 - coalesce(list_position(list_reverse(list_transform(l, lambda x: x.n)), true), len(l)):], lambda x: x.e);

-- _martdb_paths_until is the path from a start event given the events c
-- ahead of it in its session (at most k): up to the first en after it;
-- when that is further than k - 1 events on (more_en: the session has one
-- after the frame), the first k - 1 events, '...' and en; NULL when the
-- session has no en after the start.
CREATE OR REPLACE TEMP MACRO _martdb_paths_until(c, k, en, more_en) AS
    CASE WHEN list_position(c[2:], en) IS NOT NULL THEN c[1:list_position(c[2:], en) + 1]
         WHEN more_en THEN list_concat(c[1:k - 1], ['...', en]) END;

CREATE OR REPLACE TEMP MACRO paths(source, "user", ts, event, "start" := NULL, end_event := NULL, max_steps := 5,
                                   session_gap := INTERVAL 30 MINUTE, collapse := true) AS TABLE
WITH
-- The options, checked on one row that the rows are joined with, so that
-- a bad value fails even on an empty source. _back: the paths end at the
-- end event, so each event's frame looks back.
_opts AS (
    SELECT _gap, _k, _st, _en, _collapse, _st IS NULL AND _en IS NOT NULL AS _back
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
-- the same order, each with: _ss, the _r of its session's first event;
-- _last_st and _last_en, the _r of the latest start and end event before
-- it; _more_en, whether an end event follows it in its session; _frame,
-- the k events from it on (to it, when paths end at end_event).
_framed AS (
    SELECT f._u, f._e, f._r, f._new,
           max(CASE WHEN f._new THEN f._r END) OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _ss,
           max(CASE WHEN f._e = o._st THEN f._r END) OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS _last_st,
           max(CASE WHEN f._e = o._en THEN f._r END) OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS _last_en,
           min(CASE WHEN f._e = o._en THEN f._r END) OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS _next_en,
           min(CASE WHEN f._new THEN f._r END) OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS _next_new,
           list({'n': f._new, 'e': f._e}) OVER (_w ROWS BETWEEN CASE WHEN o._back THEN o._k - 1 ELSE 0 END PRECEDING
                                                    AND CASE WHEN o._back THEN 0 ELSE o._k - 1 END FOLLOWING) AS _frame
    FROM _flagged f CROSS JOIN _opts o
    WHERE f._new OR NOT (o._collapse AND f._same)
    WINDOW _w AS (PARTITION BY f._u ORDER BY f._r)
),
-- One row per session with a path, on the event the path is read from:
-- the session's first event, its first start event, or its first end
-- event.
_sessions AS (
    SELECT x._u,
           CASE WHEN o._back THEN _martdb_paths_behind(x._frame)
                WHEN o._en IS NULL THEN _martdb_paths_ahead(x._frame)
                ELSE _martdb_paths_until(_martdb_paths_ahead(x._frame), o._k, o._en,
                                         x._next_en IS NOT NULL AND (x._next_new IS NULL OR x._next_en < x._next_new)) END AS _p
    FROM _framed x CROSS JOIN _opts o
    WHERE CASE WHEN o._st IS NOT NULL THEN x._e = o._st AND coalesce(x._last_st, 0) < x._ss
               WHEN o._en IS NOT NULL THEN x._e = o._en AND coalesce(x._last_en, 0) < x._ss
               ELSE x._new END
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
