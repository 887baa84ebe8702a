-- next_steps(source, user, ts, event, after, ...): where sessions go after
-- a sequence of events. See doc.go for the exact semantics.

-- _martdb_paths_seq is the after option as a VARCHAR[] of 1 to 9 event
-- names: a list as given (its elements as text), a single name as a
-- list of one.
CREATE OR REPLACE TEMP MACRO _martdb_paths_seq(v, fn) AS
    CASE WHEN typeof(v) LIKE '%[]' AND len(TRY_CAST(v AS VARCHAR[])) BETWEEN 1 AND 9
              AND list_bool_and(list_transform(TRY_CAST(v AS VARCHAR[]), lambda x: x IS NOT NULL))
         THEN TRY_CAST(v AS VARCHAR[])
         WHEN typeof(v) NOT LIKE '%[]' AND typeof(v) NOT LIKE '%]' AND typeof(v) NOT LIKE 'STRUCT(%'
              AND typeof(v) NOT LIKE 'MAP(%' AND v IS NOT NULL
         THEN [TRY_CAST(v AS VARCHAR)]
         ELSE error(fn || ': after: expected an event name or a list of 1 to 9 event names without NULLs, got ' ||
                    coalesce(v::VARCHAR, 'NULL')) END;

CREATE OR REPLACE TEMP MACRO next_steps(source, "user", ts, event, "after", session_gap := INTERVAL 30 MINUTE, collapse := true) AS TABLE
WITH
-- The options, checked on one row that the rows are joined with.
_opts AS (
    SELECT _seq, len(_seq) AS _m, _gap, _collapse
    FROM (SELECT _martdb_paths_seq("after", 'next_steps') AS _seq,
                 _martdb_paths_gap(session_gap, 'next_steps') AS _gap,
                 _martdb_paths_bool(collapse, 'next_steps', 'collapse') AS _collapse)
),
-- The event names and their ids, in name order (as in paths).
_names AS (
    SELECT _e, row_number() OVER (ORDER BY _e) AS _id
    FROM (SELECT DISTINCT event::VARCHAR AS _e FROM query_table(source) WHERE event IS NOT NULL)
),
-- The options with the sequence as ids (a name no event has is NULL, and
-- then no session holds the sequence).
_ids AS (
    SELECT o.*, (SELECT list(n._id ORDER BY s._pos)
                 FROM (SELECT unnest(o._seq) AS _name, generate_subscripts(o._seq, 1) AS _pos) s
                 LEFT JOIN _names n ON n._e = s._name) AS _seq_ids
    FROM _opts o
),
-- The events in each user's order, flagged as in paths, the options
-- riding along.
_flagged AS (
    SELECT r._u, n._id,
           row_number() OVER _w AS _r,
           lag(r._us) OVER _w IS NULL OR to_microseconds(r._us - lag(r._us) OVER _w) > o._gap AS _new,
           n._id = lag(n._id) OVER _w AS _same,
           o._collapse, o._m, o._seq_ids
    FROM (SELECT "user" AS _u, _martdb_paths_us(ts, 'next_steps') AS _us, event::VARCHAR AS _e
          FROM query_table(source)
          WHERE "user" IS NOT NULL AND ts IS NOT NULL AND event IS NOT NULL) r
    JOIN _names n ON n._e = r._e
    CROSS JOIN _ids o
    WINDOW _w AS (PARTITION BY r._u ORDER BY r._us, n._id)
),
-- The events kept, each with its session's first event (_ss) and its
-- marked event and the next 9 (_x0 to _x9, see paths).
_framed AS (
    SELECT f._u, f._id, f._r, f._m, f._seq_ids,
           max(CASE WHEN f._new THEN f._r END) OVER (_w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _ss,
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
    WINDOW _w AS (PARTITION BY f._u ORDER BY f._r)
),
-- The events where the sequence starts, with the session's events from
-- there on (the sequence and the one after it, at most).
_matches AS (
    SELECT x._u, x._ss, x._r, x._m, x._seq_ids, _martdb_paths_ahead(list_value(x._x0, x._x1, x._x2, x._x3, x._x4, x._x5, x._x6, x._x7, x._x8, x._x9), x._m + 1) AS _c
    FROM _framed x
    WHERE x._id = x._seq_ids[1]
),
-- Per session with the sequence, the event after its first occurrence
-- (NULL: the session ended there).
_sessions AS (
    SELECT _u, arg_min({'e': _c[_m + 1]}, _r).e AS _next
    FROM _matches
    WHERE _c[1:_m] = _seq_ids
    GROUP BY _u, _ss
),
_counted AS (
    SELECT _next, count(*) AS _n, count(DISTINCT _u) AS _users
    FROM _sessions
    GROUP BY _next
)
SELECT n._e AS next_event,
       c._n AS sessions,
       c._users AS users,
       c._n / sum(c._n) OVER () AS share
FROM _counted c LEFT JOIN _names n ON n._id = c._next
ORDER BY sessions DESC, next_event NULLS LAST;
