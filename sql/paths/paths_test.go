package paths

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// pathCase is one hand-checked paths call: the log, the arguments after
// the four columns, and the rows as formatPaths writes them.
type pathCase struct {
	name string
	evs  []event
	args string
	want []string
}

// run loads each case's log into ev and compares paths' rows.
func runPathCases(t *testing.T, cases []pathCase) {
	conn := sqltest.Open(t, Family)
	for _, c := range cases {
		loadEvents(t, conn, c.evs)
		q := "SELECT * FROM paths(ev, u, ts, e" + c.args + ")"
		sqltest.SameRows(t, c.name+": "+q, formatPaths(queryPaths(t, conn, q)), c.want)
	}
}

// TestPathsSessions: sessions split where more than session_gap passed
// (exactly the gap stays in the session), paths from the session start.
func TestPathsSessions(t *testing.T) {
	evs := []event{{1, 0, "a"}, {1, 10, "b"}, {1, 40, "c"}, {1, 71, "d"}}
	runPathCases(t, []pathCase{
		{"gap 30", evs, "", []string{"a>b>c|3|1|1|0.500000", "d|1|1|1|0.500000"}},
		{"gap 60, 3 steps", evs, ", max_steps := 3, session_gap := INTERVAL 60 MINUTE", []string{"a>b>c|3|1|1|1.000000"}},
		{"gap as text", evs, ", session_gap := '31 minutes'", []string{"a>b>c>d|4|1|1|1.000000"}},
		{"gap 0", evs, ", session_gap := INTERVAL 0 SECOND",
			[]string{"a|1|1|1|0.250000", "b|1|1|1|0.250000", "c|1|1|1|0.250000", "d|1|1|1|0.250000"}},
		{"empty", nil, "", []string{}},
	})
}

// TestPathsStart: from the first start event of each session; sessions
// without one are left out of the rows and of the share.
func TestPathsStart(t *testing.T) {
	evs := []event{
		{2, 0, "x"}, {2, 1, "a"}, {2, 2, "b"}, {2, 3, "a"}, {2, 4, "c"},
		{3, 0, "b"}, {3, 1, "c"}, // no a: left out
		{4, 0, "a"}, {4, 1, "b"}, {4, 2, "a"},
		{4, 100, "a"}, {4, 101, "b"}, {4, 102, "a"},
		{5, 0, "c"}, {5, 1, "a"},
	}
	runPathCases(t, []pathCase{
		{"start a, 3 steps", evs, ", start := 'a', max_steps := 3", []string{"a>b>a|3|3|2|0.750000", "a|1|1|1|0.250000"}},
		{"start a, 2 steps", evs, ", start := 'a', max_steps := 2", []string{"a>b|2|3|2|0.750000", "a|1|1|1|0.250000"}},
		{"start c", evs, ", start := 'c'", []string{"c|1|2|2|0.666667", "c>a|2|1|1|0.333333"}},
		{"start missing", evs, ", start := 'zzz'", []string{}},
		{"start NULL is the session start", evs, ", start := NULL, max_steps := 2",
			[]string{"a>b|2|2|1|0.400000", "b>c|2|1|1|0.200000", "c>a|2|1|1|0.200000", "x>a|2|1|1|0.200000"}},
	})
}

// TestPathsEnd: the max_steps events up to and including the first end
// event of each session.
func TestPathsEnd(t *testing.T) {
	evs := []event{
		{5, 0, "a"}, {5, 1, "b"}, {5, 2, "p"}, {5, 3, "c"}, {5, 4, "p"},
		{6, 0, "p"},
		{7, 0, "a"}, {7, 1, "b"}, // no p: left out
	}
	runPathCases(t, []pathCase{
		{"end p, 2 steps", evs, ", end_event := 'p', max_steps := 2", []string{"b>p|2|1|1|0.500000", "p|1|1|1|0.500000"}},
		{"end p", evs, ", end_event := 'p'", []string{"a>b>p|3|1|1|0.500000", "p|1|1|1|0.500000"}},
	})
}

// TestPathsStartAndEnd: from the first start to the first end after it;
// longer than max_steps, the first max_steps - 1 events, '...' and the end.
func TestPathsStartAndEnd(t *testing.T) {
	evs := []event{
		{8, 0, "a"}, {8, 1, "b"}, {8, 2, "c"}, {8, 3, "d"}, {8, 4, "e"},
		{9, 0, "a"}, {9, 1, "b"}, {9, 2, "a"},
	}
	runPathCases(t, []pathCase{
		{"a to e, 3 steps", evs, ", start := 'a', end_event := 'e', max_steps := 3", []string{"a>b>...>e|3|1|1|1.000000"}},
		{"a to e, 4 steps", evs, ", start := 'a', end_event := 'e', max_steps := 4", []string{"a>b>c>...>e|4|1|1|1.000000"}},
		{"a to e, 5 steps", evs, ", start := 'a', end_event := 'e', max_steps := 5", []string{"a>b>c>d>e|5|1|1|1.000000"}},
		{"a to e, 2 steps", evs, ", start := 'a', end_event := 'e', max_steps := 2", []string{"a>...>e|2|1|1|1.000000"}},
		{"b to d", evs, ", start := 'b', end_event := 'd'", []string{"b>c>d|3|1|1|1.000000"}},
		{"end before start", evs, ", start := 'c', end_event := 'a'", []string{}},
		{"a to a", evs, ", start := 'a', end_event := 'a'", []string{"a>b>a|3|1|1|1.000000"}},
	})
}

// TestPathsTiesAndRepeats: equal timestamps are ordered by event name;
// consecutive repeats collapse (within a session) unless collapse := false.
func TestPathsTiesAndRepeats(t *testing.T) {
	evs := []event{
		{10, 0, "b"}, {10, 0, "a"}, {10, 1, "c"},
		{11, 0, "a"}, {11, 0, "b"}, {11, 0, "a"},
		{12, 0, "a"}, {12, 100, "a"}, {12, 101, "a"},
	}
	runPathCases(t, []pathCase{
		{"collapsed", evs, "", []string{"a|1|2|1|0.500000", "a>b|2|1|1|0.250000", "a>b>c|3|1|1|0.250000"}},
		{"kept", evs, ", collapse := false",
			[]string{"a|1|1|1|0.250000", "a>a|2|1|1|0.250000", "a>a>b|3|1|1|0.250000", "a>b>c|3|1|1|0.250000"}},
	})
}

// TestPathsNullsTypesSources: rows with a NULL user, ts or event are left
// out (and do not split sessions); TIMESTAMPTZ and DATE columns work; the
// source may be a CTE; event may be a non-text column.
func TestPathsNullsTypesSources(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE raw AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2025-01-01 10:00', 'a'), (1, TIMESTAMP '2025-01-01 10:20', NULL), (1, TIMESTAMP '2025-01-01 10:40', 'b'),
		(1, NULL, 'c'), (NULL, TIMESTAMP '2025-01-01 10:41', 'd')) v(u, ts, e)`)
	sqltest.SameRows(t, "NULL rows", sqltest.Rows(t, conn, `SELECT path, steps, sessions FROM paths(raw, u, ts, e)`),
		[]string{"[a]|1|1", "[b]|1|1"})
	sqltest.SameRows(t, "TIMESTAMPTZ", sqltest.Rows(t, conn,
		`SELECT path, sessions FROM paths(raw, u, ts::TIMESTAMPTZ, e, session_gap := INTERVAL 40 MINUTE)`), []string{"[a, b]|1"})
	sqltest.SameRows(t, "DATE", sqltest.Rows(t, conn,
		`SELECT path, sessions FROM paths(raw, u, ts::DATE, e)`), []string{"[a, b]|1"})
	sqltest.SameRows(t, "CTE and integer events", sqltest.Rows(t, conn,
		`WITH c AS (SELECT u, ts, length(e) AS n FROM raw) SELECT path, sessions, users, share FROM paths(c, u, ts, n, session_gap := INTERVAL 1 HOUR)`),
		[]string{"[1]|1|1|1.0"})
	sqltest.SameRows(t, "column types", sqltest.Rows(t, conn,
		`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM paths(raw, u, ts, e))`),
		[]string{"path|VARCHAR[]", "steps|INTEGER", "sessions|BIGINT", "users|BIGINT", "share|DOUBLE"})
}

// TestPathsTenSteps: max_steps 10, the most, on a session of 12 events
// (a..l, one a minute), and a second user's session right after in the
// table.
func TestPathsTenSteps(t *testing.T) {
	var evs []event
	for i, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		evs = append(evs, event{1, i, n})
	}
	evs = append(evs, event{2, 0, "z"})
	runPathCases(t, []pathCase{
		{"from the start", evs, ", max_steps := 10", []string{"a>b>c>d>e>f>g>h>i>j|10|1|1|0.500000", "z|1|1|1|0.500000"}},
		{"from c", evs, ", start := 'c', max_steps := 10", []string{"c>d>e>f>g>h>i>j>k>l|10|1|1|1.000000"}},
		{"from e, to the end", evs, ", start := 'e', max_steps := 10", []string{"e>f>g>h>i>j>k>l|8|1|1|1.000000"}},
		{"up to l", evs, ", end_event := 'l', max_steps := 10", []string{"c>d>e>f>g>h>i>j>k>l|10|1|1|1.000000"}},
		{"up to j", evs, ", end_event := 'j', max_steps := 10", []string{"a>b>c>d>e>f>g>h>i>j|10|1|1|1.000000"}},
		{"a to l", evs, ", start := 'a', end_event := 'l', max_steps := 10", []string{"a>b>c>d>e>f>g>h>i>...>l|10|1|1|1.000000"}},
		{"b to k", evs, ", start := 'b', end_event := 'k', max_steps := 10", []string{"b>c>d>e>f>g>h>i>j>k|10|1|1|1.000000"}},
	})
}

// TestPathsNames: names with quotes and non-ASCII letters come back as
// they were; equal timestamps order by the names' bytes ('B' < 'b10' <
// 'b9'); many distinct names (5,000, 1,000 users each with a path of
// its own).
func TestPathsNames(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE n AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2025-01-01 10:00', 'b9'), (1, TIMESTAMP '2025-01-01 10:00', 'b10'), (1, TIMESTAMP '2025-01-01 10:00', 'B'),
		(1, TIMESTAMP '2025-01-01 10:01', 'it''s'), (1, TIMESTAMP '2025-01-01 10:02', 'café')) v(u, ts, e)`)
	sqltest.SameRows(t, "names", sqltest.Rows(t, conn, `SELECT array_to_string(path, ' > ') FROM paths(n, u, ts, e)`),
		[]string{"B > b10 > b9 > it's > café"})
	sqltest.SameRows(t, "start with a quote", sqltest.Rows(t, conn,
		`SELECT array_to_string(path, ' > ') FROM paths(n, u, ts, e, start := 'it''s')`), []string{"it's > café"})
	sqltest.Exec(t, conn, `CREATE TABLE many AS SELECT i % 1000 AS u, TIMESTAMP '2025-01-01' + to_seconds(i) AS ts, 'page ' || (i * 7919 % 5000) AS e
		FROM range(20000) r(i)`)
	n := sqltest.Int(t, conn, `SELECT count(*) FROM paths(many, u, ts, e, max_steps := 3)`)
	s := sqltest.Int(t, conn, `SELECT sum(sessions)::BIGINT FROM paths(many, u, ts, e, max_steps := 3)`)
	if n != 1000 || s != 1000 {
		t.Errorf("many names: %d paths over %d sessions, want 1000 and 1000", n, s)
	}
	sqltest.SameRows(t, "user 7's path", sqltest.Rows(t, conn,
		`WITH seven AS (SELECT * FROM many WHERE u = 7) SELECT path FROM paths(seven, u, ts, e, max_steps := 3)`),
		[]string{"[page 433, page 4433, page 3433]"})
}
