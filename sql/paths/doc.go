// Package paths is the paths family of martdb's SQL function library:
// paths, the most common event sequences of a log's sessions ("user
// journeys"); next_steps, where sessions go after a given sequence; and
// sequence_next_node, ClickHouse's sequenceNextNode, the event that
// follows (or precedes) a chain of events in a group. The engine registers
// it, with every other family of sql/library, on each session it opens; it
// is made of temporary macros only, so nothing is written into the
// database file.
//
// # paths (table)
//
//	paths(source, user, ts, event, start := NULL, end_event := NULL, max_steps := 5,
//	      session_gap := INTERVAL 30 MINUTE, collapse := true)
//	-> TABLE(path VARCHAR[], steps INTEGER, sessions BIGINT, users BIGINT, share DOUBLE)
//
// source names a table, view or CTE; user, ts and event are expressions
// over its columns. ts is a TIMESTAMP, TIMESTAMPTZ or DATE (compared as
// sql/sessions compares them, in microseconds since the epoch); event is
// any type, compared and shown as its VARCHAR text. Rows whose user, ts or
// event is NULL are left out, as if absent: they neither start nor split a
// session.
//
// Sessions. Each user's events are taken in order of time and, for equal
// times, of event name in byte order (the tie rule: without it two events
// of the same instant would make the answer depend on the order of the
// rows). An event starts a new session when it is the user's first or
// when more than session_gap passed since the user's previous event
// (strictly more; equal timestamps are 0 apart), exactly sql/sessions'
// rule. session_gap is an INTERVAL of zero or more, or text that casts to
// one ('45 minutes').
//
// Repeats. With collapse := true (the default) an event with the same name
// as the event just before it in the same session is dropped, so that
// page_view, page_view, product_view reads page_view, product_view: a
// reload or a run of page views is one step, as analysts usually want
// paths. A session's first event is never dropped (a repeat across
// sessions starts the next one). With collapse := false every event is a
// step. Collapsing happens before everything below: max_steps counts the
// collapsed events, and "first occurrence" is among them.
//
// The path of a session, k being max_steps (a whole number from 2 to 10):
//
//   - neither start nor end_event: the session's first k events;
//   - start: the first occurrence of start in the session and the k - 1
//     events after it (fewer when the session ends sooner);
//   - end_event: the first occurrence of end_event in the session and the
//     k - 1 events before it, from the session's start at the earliest: the
//     way users first got there in that session (the first, not the last,
//     occurrence, so a session that converts twice counts its first
//     conversion);
//   - both: from the first occurrence of start to the first occurrence of
//     end_event after it (strictly after, so start = end_event reads a
//     return to the same event). When that is more than k events, the path
//     is its first k - 1 events, the element '...' standing for the events
//     left out, and end_event; steps then counts k (the events shown, not
//     '...'). So [checkout, '...', purchase] with k = 2 says the purchase
//     came later in the session, after other events. (An event named
//     '...' reads the same; no event name is reserved.)
//
// A session without start (or without end_event, or without an end_event
// after its start) has no path: it is left out of every row and of the
// share's total, and so are users with no such session. start := NULL
// means the session's start; end_event := NULL means no end.
//
// The result has one row per distinct path: path, the events in order;
// steps, the number of events it shows; sessions, the sessions with that
// path; users, the distinct users among them; share, sessions over the
// number of sessions with a path (so the shares add up to 1). Rows are
// ordered by sessions, most first, then by path (lists compare element by
// element). The argument is end_event, not end, because END is a reserved
// word in SQL: a named argument end := ... does not parse.
//
// At most 10 steps: longer paths rarely repeat often enough to rank, and
// the limit lets a path be read with a fixed set of window functions (see
// below).
//
// How it runs: the distinct event names get ids in name order (so that
// sorting by id is sorting by name, and the windows move integers); one
// window pass over each user's events numbers them and finds session
// starts and repeats (lag); a second pass over the kept events, in the same
// order (reversed for end_event), gives each event its session's first
// event, the latest anchor event (start or end_event) before it, and the
// event itself and the next nine as lead()s, each carrying a "starts a
// session" bit; the event a path is read from (the session's start, its
// first start or first end_event) cuts that list at the session's edge.
// Ids become names again only on the result's distinct paths. There is no
// per-session ordered aggregate and no correlated subquery: on the
// scale-10 shop the plain formulation with list(event ORDER BY ts, event)
// per session takes 0.93 s against 0.68 s (BenchmarkPlainListPaths), and
// list() over a window frame cost twice nine lead()s. See bench_test.go.
//
// # next_steps (table)
//
//	next_steps(source, user, ts, event, after, session_gap := INTERVAL 30 MINUTE, collapse := true)
//	-> TABLE(next_event VARCHAR, sessions BIGINT, users BIGINT, share DOUBLE)
//
// The next-step distribution after a sequence: after is an event name or
// a list of 1 to 9 names (after := ['page_view', 'product_view'], or
// positionally). Sessions, ties and repeats are exactly as in paths (the
// same session_gap and collapse, applied before matching, so after :=
// ['a', 'a'] matches nothing when collapsing). A session holds the
// sequence when its events contain after's names as consecutive events;
// its next event is the one right after the sequence's first occurrence,
// or NULL when the session ends there (the drop-off). Sessions without the
// sequence are left out. One row per next event: the sessions, the
// distinct users among them, and share, sessions over the sessions holding
// the sequence (shares add up to 1). Ordered by sessions, most first, then
// next_event, NULL last. Unlike sequence_next_node('forward',
// 'first_match', ...), which tries its chain only from the first event
// matching its first condition, next_steps takes the first place where
// the whole sequence occurs: in a, c, a, b, d the next event after
// ['a', 'b'] is d.
//
// # sequence_next_node (aggregate)
//
//	sequence_next_node(direction VARCHAR, base VARCHAR, ts, event, base_condition BOOLEAN, events BOOLEAN[])
//	-> <type of event>
//
// ClickHouse's sequenceNextNode(direction, base)(ts, event, base_condition,
// event1, event2, ...) with the parameters as the first two arguments and
// the chain conditions as one list (1 to 32 of them), like window_funnel's
// conds. It is a macro over DuckDB's list() aggregate, so it is used as an
// aggregate, with GROUP BY (or over a whole table), but not with OVER.
// For each group:
//
//   - The rows with a non-NULL ts are sorted by ts; rows with equal ts by
//     event value, then base_condition, then the conditions (the whole row
//     compared as a struct). ClickHouse leaves the order of equal
//     timestamps unspecified; every row is kept (unlike sequence_match, no
//     row is dropped for matching no condition). A NULL condition or
//     base_condition counts as false. ts may be any ordered type
//     (TIMESTAMP, DATE, integers, ...).
//   - The base point: head, the first row, if base_condition holds on it;
//     tail, the last row, if base_condition holds on it; first_match, the
//     first row on which both base_condition and events[1] hold;
//     last_match, the last such row. No base point: NULL.
//   - From the base point the chain must match consecutive rows: events[j]
//     holds on the row j - 1 rows after (forward) or before (backward) the
//     base, for every j (so events[1] is tested on the base itself, for
//     head and tail too). Rows in between are not skipped, and a failed
//     chain is not retried from another base point.
//   - The answer is the event value of the row just after the chain
//     (forward: len(events) rows after the base; backward: before it), or
//     NULL when the chain fails or that row does not exist (a group of no
//     more rows than conditions is always NULL, as in ClickHouse).
//
// The answer's type is event's type (ClickHouse's Nullable(String) for a
// string column). direction must be 'forward' or 'backward' and base one
// of 'head', 'tail', 'first_match', 'last_match'; they are meant to be
// constants, and are checked per group, the condition list per row (so a
// bad value on an empty table does not fail). A row whose event is NULL
// takes part like any other, and may be the (NULL) answer.
//
// Cost: each group's rows are gathered with list() and sorted with
// list_sort, then scanned by list lambdas; on the shop at scale 10 (a
// million events, 100,000 users) a next node per user takes about 0.26 s,
// against about 0.65 s for paths (medians, bench_test.go). A C aggregate
// in sql/eventagg could be faster but would need a VARCHAR (or any-type)
// result, which eventagg does not write.
//
// # Errors
//
// Options are checked on a one-row CTE the rows are joined with, so a bad
// value fails even on an empty source, naming the function and argument:
// "paths: max_steps: expected a whole number from 2 to 10, got 1";
// "paths: session_gap: expected an INTERVAL of zero or more, got ...";
// "paths: start: expected an event name (VARCHAR) or NULL, got
// VARCHAR[]" (likewise end_event); "paths: collapse: expected true or
// false, got ..."; a ts of another type: "paths: ts: expected a TIMESTAMP,
// TIMESTAMPTZ or DATE column, got VARCHAR" (on the first row, so an
// empty source returns the empty table). next_steps checks session_gap,
// collapse and ts likewise, and after: "next_steps: after: expected an
// event name or a list of 1 to 9 event names without NULLs, got ...".
// sequence_next_node fails with
// "sequence_next_node: direction: expected 'forward' or 'backward', got
// ...", "sequence_next_node: base: expected 'head', 'tail', 'first_match'
// or 'last_match', got ..." and "sequence_next_node: events: expected a
// list of 1 to 32 BOOLEAN conditions, got ...".
package paths
