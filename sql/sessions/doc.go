// Package sessions is the sessions family of martdb's SQL function
// library: sessionize, which puts every event row of a log in its user's
// session, and sessions, one row per session. The engine registers it,
// with every other family of sql/library, on each session it opens; it is
// made of temporary macros only, so nothing is written into the database
// file.
//
// # The rule
//
// A user's events, taken in time order, form sessions: an event starts a
// new session when it is the user's first, or when more than gap passed
// since the user's previous event (strictly more: events exactly gap
// apart stay in one session). Equal timestamps are in the same session
// (they are 0 apart). gap is an INTERVAL of zero or more (or a string that
// casts to one, such as '30 minutes'); the default is 30 minutes, the
// usual web analytics timeout. With a gap of zero every distinct
// timestamp of a user is a session of its own. Intervals are compared as
// DuckDB compares them, a month counting 30 days and a day 24 hours.
//
// Times are compared in microseconds since the epoch (epoch_us): a
// TIMESTAMP as written, a TIMESTAMPTZ at its instant (so a gap across a
// daylight-saving change is the time that really passed), a DATE at its
// midnight. Nanoseconds of a TIMESTAMP_NS are dropped, so two events less
// than a microsecond apart count as equal.
//
// # sessionize(source, user, ts, gap := INTERVAL 30 MINUTE) (table)
//
//	sessionize(source, user, ts, gap := INTERVAL 30 MINUTE)
//	-> TABLE(<every column of source>, session_number BIGINT,
//	         session_start <type of ts>, event_in_session BIGINT)
//
// source names a table, view or CTE (bare or quoted); user and ts are
// expressions over its columns. The result is every row of the source,
// all its columns unchanged (SELECT *), followed by:
//
//   - session_number: the row's session among its user's sessions, 1 for
//     the first, in time order;
//   - session_start: the ts of the session's first event;
//   - event_in_session: 1 + the number of events of the session strictly
//     before this one. Events with equal timestamps share a number (SQL
//     rank(), not row_number()), so the numbering is the same whatever the
//     order of the rows; the next distinct timestamp skips accordingly
//     (1, 2, 2, 4).
//
// Rows whose user or ts is NULL are kept, with the three columns NULL: they
// belong to no session and do not affect anyone's sessions. The rows come
// in no particular order; add ORDER BY. A source column named
// session_number, session_start or event_in_session, or starting with
// __martdb_, clashes with the added columns.
//
// Why a table macro. A session number needs the previous event's time
// (lag) and then a running count of the starts (a sum over the first
// window's result); SQL does not nest window functions, so no scalar macro
// can be used as one window expression. With plain window functions the
// same numbering is
//
//	SELECT *, sum(new) OVER (PARTITION BY user_id ORDER BY ts) AS session_number
//	FROM (SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts)
//	                     <= INTERVAL 30 MINUTE THEN 0 ELSE 1 END AS new
//	      FROM events)
//
// (the default RANGE frame keeps equal timestamps together), which is what
// sessionize does, with the checks and NULL rules above.
//
// # sessions(source, user, ts, gap := INTERVAL 30 MINUTE) (table)
//
//	sessions(source, user, ts, gap := INTERVAL 30 MINUTE)
//	-> TABLE(user, session_number BIGINT, session_start, session_end,
//	         events BIGINT, duration_seconds DOUBLE)
//
// One row per session, split by the same rule, ordered by user and
// session_number: the user (the user expression's value and type), the
// session number, the ts of its first and last events (the type of ts),
// its number of events, and the time between its first and last event in
// seconds (0 for a session of one event or of equal timestamps). Rows with
// a NULL user or ts are left out. The output column is named user; DuckDB
// also knows user as current_user, but a column of that name wins in a
// query that selects from sessions(...).
//
// # Errors
//
// The gap is checked on a one-row CTE the rows are joined with, so a bad
// value fails even on an empty source: "sessionize: gap: expected an
// INTERVAL of zero or more, got ..." (a negative interval, NULL, or a
// value that is not an interval, such as a number of seconds), and
// likewise "sessions: gap: ...". A ts column of another type fails with
// "sessionize: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got
// VARCHAR" (on the first row, so an empty source returns the empty table).
//
// Cost. sessionize sorts the rows by user and time for the previous-event
// lookup and once more for the running count, carrying every column
// through both; sessions carries only user and ts. See bench_test.go.
package sessions
