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
-- The events in each user's order, flagged as in paths.
_flagged AS (
    SELECT r._u, r._e,
           row_number() OVER _w AS _r,
           lag(r._us) OVER _w IS NULL OR to_microseconds(r._us - lag(r._us) OVER _w) > o._gap AS _new,
           r._e = lag(r._e) OVER _w AS _same
    FROM (SELECT "user" AS _u, _martdb_paths_us(ts, 'next_steps') AS _us, event::VARCHAR AS _e
          FROM query_table(source)
          WHERE "user" IS NOT NULL AND ts IS NOT NULL AND event IS NOT NULL) r
    CROSS JOIN _opts o
    WINDOW _w AS (PARTITION BY r._u ORDER BY r._us, r._e)
),
-- The events kept, each with its session's first event (_ss) and its
-- marked event and the next 9 (see paths).
_framed AS (
    SELECT f._u, f._e, f._r,
           max(CASE WHEN f._new THEN f._r END) OVER (PARTITION BY f._u ORDER BY f._r
                                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _ss,
           _martdb_paths_window(_martdb_paths_mark(f._new, f._e), f._u, f._r) AS _win
    FROM _flagged f CROSS JOIN _opts o
    WHERE f._new OR NOT (o._collapse AND f._same)
),
-- The events where the sequence starts, with the session's events from
-- there on (the sequence and the one after it, at most).
_matches AS (
    SELECT x._u, x._ss, x._r, _martdb_paths_ahead(x._win, o._m + 1) AS _c
    FROM _framed x CROSS JOIN _opts o
    WHERE x._e = o._seq[1]
),
-- Per session with the sequence, the event after its first occurrence
-- (NULL: the session ended there).
_sessions AS (
    SELECT m._u, arg_min({'e': m._c[o._m + 1]}, m._r).e AS _next
    FROM _matches m CROSS JOIN _opts o
    WHERE m._c[1:o._m] = o._seq
    GROUP BY m._u, m._ss
)
SELECT _next AS next_event,
       count(*) AS sessions,
       count(DISTINCT _u) AS users,
       count(*) / sum(count(*)) OVER () AS share
FROM _sessions
GROUP BY _next
ORDER BY sessions DESC, next_event NULLS LAST;
