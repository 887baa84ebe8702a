package paths

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestPathsErrors: bad options fail naming paths and the argument, on an
// empty source too; a ts of the wrong type fails naming ts.
func TestPathsErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE ev AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'x')) v(u, ts, e)`,
		`CREATE TABLE none AS SELECT * FROM ev WHERE false`)
	for _, source := range []string{"ev", "none"} {
		call := func(opt string) string { return `SELECT * FROM paths(` + source + `, u, ts, e, ` + opt + `)` }
		for _, n := range []string{"0", "1", "-3", "2.5", "11", "NULL", "'many'", "true"} {
			sqltest.WantError(t, conn, call("max_steps := "+n), "paths: max_steps: expected a whole number from 2 to 10, got")
		}
		for _, g := range []string{`INTERVAL '-1 second'`, `-INTERVAL 30 MINUTE`, `NULL`, `1800`, `'soon'`} {
			sqltest.WantError(t, conn, call("session_gap := "+g), "paths: session_gap: expected an INTERVAL of zero or more, got")
		}
		for _, v := range []string{`['a']`, `{'a': 1}`, `MAP {'a': 1}`} {
			sqltest.WantError(t, conn, call("start := "+v), "paths: start: expected an event name (VARCHAR) or NULL, got")
			sqltest.WantError(t, conn, call("end_event := "+v), "paths: end_event: expected an event name (VARCHAR) or NULL, got")
		}
		for _, v := range []string{`NULL`, `'yes'`, `1`} {
			sqltest.WantError(t, conn, call("collapse := "+v), "paths: collapse: expected true or false, got")
		}
	}
	sqltest.WantError(t, conn, `SELECT * FROM paths(ev, u, e, e)`, "paths: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM paths(ev, u, 5, e)`, "paths: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got INTEGER")
	// A valid max_steps written as text or a whole DOUBLE is accepted.
	if got := sqltest.Rows(t, conn, `SELECT steps FROM paths(ev, u, ts, e, max_steps := 2.0)`); len(got) != 1 {
		t.Errorf("max_steps 2.0: %v", got)
	}
}

// TestNextNodeErrors: a bad direction, base or condition list fails naming
// sequence_next_node and the argument.
func TestNextNodeErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, testFlow)
	call := func(args string) string {
		return `SELECT id, sequence_next_node(` + args + `) FROM test_flow GROUP BY id`
	}
	for _, d := range []string{`'up'`, `NULL`, `1`} {
		sqltest.WantError(t, conn, call(d+`, 'head', dt, page, true, [true]`),
			"sequence_next_node: direction: expected 'forward' or 'backward', got")
	}
	for _, b := range []string{`'first'`, `NULL`, `'HEAD'`} {
		sqltest.WantError(t, conn, call(`'forward', `+b+`, dt, page, true, [true]`),
			"sequence_next_node: base: expected 'head', 'tail', 'first_match' or 'last_match', got")
	}
	sqltest.WantError(t, conn, call(`'forward', 'head', dt, page, true, []::BOOLEAN[]`),
		"sequence_next_node: events: expected a list of 1 to 32 BOOLEAN conditions, got 0 conditions")
	sqltest.WantError(t, conn, call(`'forward', 'head', dt, page, true, list_transform(range(33), lambda i: true)`),
		"sequence_next_node: events: expected a list of 1 to 32 BOOLEAN conditions, got 33 conditions")
	sqltest.WantError(t, conn, call(`'forward', 'head', dt, page, true, [1, 2]`),
		"sequence_next_node: events: expected a list of 1 to 32 BOOLEAN conditions, got INTEGER[]")
	sqltest.WantError(t, conn, call(`'forward', 'head', dt, page, true, page = 'Home'`),
		"sequence_next_node: events: expected a list of 1 to 32 BOOLEAN conditions, got BOOLEAN")
}
