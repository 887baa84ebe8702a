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

-- Events are numbered: the _names CTE gives each distinct event name
-- of a source an id from 1, in name order, so that sorting by id is
-- sorting by name, and the windows below move integers, not strings
-- (twice as fast on ten million events). Path ids become names again only
-- on the distinct paths of the result; id 0 is '...'.

-- _martdb_paths_mark is an event id with its session mark in the lowest
-- bit: 1 when the event starts a session.
CREATE OR REPLACE TEMP MACRO _martdb_paths_mark(new, id) AS
    id * 2 + CASE WHEN new THEN 1 ELSE 0 END;

-- A path of up to 10 steps reads from the marked events _x0 (the current
-- row's) to _x9 (nine rows on in the window, NULL past the user's last
-- event), taken as lead(_x0, 1..9) over one window: nine lead()s over one
-- sort cost a third of one list() over a frame of the same rows, and
-- building the list only on the events a path is read from saves moving
-- lists.

-- _martdb_paths_ahead is the event ids of w (marked, from the current one
-- on), up to k of them and up to, not including, the next event that
-- starts a session or the user's end: the session from here on.
CREATE OR REPLACE TEMP MACRO _martdb_paths_ahead(w, k) AS
    list_transform(w[1:least(k, coalesce(list_position(list_transform(w[2:], lambda v: v IS NULL OR v % 2 = 1), true), k))],
                   lambda v: v // 2);

-- _martdb_paths_behind is the same read backwards (w from the current
-- event back in time): up to k events, back to the session's first event,
-- in time order.
CREATE OR REPLACE TEMP MACRO _martdb_paths_behind(w, k) AS
    list_reverse(list_transform(
        w[1:least(k, coalesce(list_position(list_transform(w, lambda v: v % 2 = 1), true), k),
                  coalesce(list_position(list_transform(w, lambda v: v IS NULL), true) - 1, k))],
        lambda v: v // 2));

-- _martdb_paths_until is the path from a start event given the events c
-- ahead of it in its session (at most k): up to the first en after it;
-- when that is further than k - 1 events on (more_en: the session has one
-- after the k events), the first k - 1 events, 0 ('...') and en; NULL when
-- the session has no en after the start.
CREATE OR REPLACE TEMP MACRO _martdb_paths_until(c, k, en, more_en) AS
    CASE WHEN list_position(c[2:], en) IS NOT NULL THEN c[1:list_position(c[2:], en) + 1]
         WHEN more_en THEN list_concat(c[1:k - 1], [0, en]) END;

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
-- The event names and their ids, in name order.
_names AS (
    SELECT _e, row_number() OVER (ORDER BY _e) AS _id
    FROM (SELECT DISTINCT event::VARCHAR AS _e FROM query_table(source) WHERE event IS NOT NULL)
),
-- The options with the anchor's and the end's ids (NULL when no event has
-- that name: then no session has a path).
_ids AS (
    SELECT o.*, a._id AS _anchor_id, e._id AS _en_id
    FROM _opts o LEFT JOIN _names a ON a._e = o._anchor LEFT JOIN _names e ON e._e = o._en
),
-- The events with a user, a ts and an event name, in each user's order
-- (time, then event name for equal times) numbered by _r: _new is true on
-- an event that starts a session, _same on one that repeats the event
-- before it. Among equal (ts, event) rows the first in _r order is the
-- only one that can start a session. The options ride along as columns,
-- so that later steps join nothing.
_flagged AS (
    SELECT r._u, n._id,
           row_number() OVER _w AS _r,
           lag(r._us) OVER _w IS NULL OR to_microseconds(r._us - lag(r._us) OVER _w) > o._gap AS _new,
           n._id = lag(n._id) OVER _w AS _same,
           o._k, o._collapse, o._back, o._anchor IS NOT NULL AS _anchored, o._anchor_id, o._en IS NOT NULL AS _ended, o._en_id
    FROM (SELECT "user" AS _u, _martdb_paths_us(ts, 'paths') AS _us, event::VARCHAR AS _e
          FROM query_table(source)
          WHERE "user" IS NOT NULL AND ts IS NOT NULL AND event IS NOT NULL) r
    JOIN _names n ON n._e = r._e
    CROSS JOIN _ids o
    WINDOW _w AS (PARTITION BY r._u ORDER BY r._us, n._id)
),
-- The events kept (repeats within a session dropped when collapsing), in
-- time order (backwards when _back), each with: _prior, of the events
-- before it in time that start a session or are the anchor, the latest,
-- as 2 * _r + 1 when it is the anchor (so the event is its session's first
-- anchor when it starts the session or _prior is even); _after, likewise
-- of the later events that start a session or are the end event, the
-- earliest (even: an end event follows in the session); _x0 to _x9, its
-- marked event and the next 9 in the window's order.
_framed AS (
    SELECT f._u, f._id, f._new, f._k, f._back, f._anchored, f._anchor_id, f._ended, f._en_id,
           CASE WHEN f._back
                THEN max(CASE WHEN f._new OR f._id = f._anchor_id THEN 2 * f._r + CASE WHEN f._id = f._anchor_id THEN 1 ELSE 0 END END)
                         OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
                ELSE max(CASE WHEN f._new OR f._id = f._anchor_id THEN 2 * f._r + CASE WHEN f._id = f._anchor_id THEN 1 ELSE 0 END END)
                         OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS _prior,
           min(CASE WHEN f._new OR f._id = f._en_id THEN 2 * f._r + CASE WHEN f._new THEN 1 ELSE 0 END END)
               OVER (_w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS _after,
           _martdb_paths_mark(f._new, f._id) AS _x0,
           lead(_martdb_paths_mark(f._new, f._id), 1) OVER _w AS _x1,
           lead(_martdb_paths_mark(f._new, f._id), 2) OVER _w AS _x2,
           lead(_martdb_paths_mark(f._new, f._id), 3) OVER _w AS _x3,
           lead(_martdb_paths_mark(f._new, f._id), 4) OVER _w AS _x4,
           lead(_martdb_paths_mark(f._new, f._id), 5) OVER _w AS _x5,
           lead(_martdb_paths_mark(f._new, f._id), 6) OVER _w AS _x6,
           lead(_martdb_paths_mark(f._new, f._id), 7) OVER _w AS _x7,
           lead(_martdb_paths_mark(f._new, f._id), 8) OVER _w AS _x8,
           lead(_martdb_paths_mark(f._new, f._id), 9) OVER _w AS _x9
    FROM _flagged f
    WHERE f._new OR NOT (f._collapse AND f._same)
    WINDOW _w AS (PARTITION BY f._u ORDER BY CASE WHEN f._back THEN -f._r ELSE f._r END)
),
-- One row per session with a path, on the event the path is read from:
-- the session's first event, or its first anchor event; _w, the marked
-- events from it.
_anchors AS (
    SELECT x._u, x._k, x._back, x._ended, x._en_id, x._after,
           list_value(x._x0, x._x1, x._x2, x._x3, x._x4, x._x5, x._x6, x._x7, x._x8, x._x9) AS _w
    FROM _framed x
    WHERE CASE WHEN NOT x._anchored THEN x._new
               ELSE x._id = x._anchor_id AND (x._new OR x._prior % 2 = 0) END
),
-- Each such session's path (NULL: none, when no end event follows).
_sessions AS (
    SELECT _u, _k,
           CASE WHEN _back THEN _martdb_paths_behind(_w, _k)
                WHEN NOT _ended THEN _martdb_paths_ahead(_w, _k)
                ELSE _martdb_paths_until(_martdb_paths_ahead(_w, _k), _k, _en_id, coalesce(_after % 2 = 0, false)) END AS _p
    FROM _anchors
),
-- The paths counted; the sessions without one make a NULL group, left
-- out by HAVING (a WHERE on _p would be pushed below the projection and
-- compute every path twice).
_counted AS (
    SELECT _p, len(_p) - CASE WHEN len(_p) = any_value(_k) + 1 THEN 1 ELSE 0 END AS _steps,
           count(*) AS _n, count(DISTINCT _u) AS _users
    FROM _sessions
    GROUP BY _p
    HAVING count(_p) > 0
),
-- The paths as names: each id looked up in _names (0 is '...'), on the
-- distinct paths only.
_text AS (
    SELECT t._p, list(coalesce(n._e, '...') ORDER BY t._pos) AS _path
    FROM (SELECT _p, unnest(_p) AS _id, generate_subscripts(_p, 1) AS _pos FROM _counted) t
    LEFT JOIN _names n ON n._id = t._id
    GROUP BY t._p
)
SELECT t._path AS path,
       c._steps::INTEGER AS steps,
       c._n AS sessions,
       c._users AS users,
       c._n / sum(c._n) OVER () AS share
FROM _counted c JOIN _text t ON t._p = c._p
ORDER BY sessions DESC, path;
