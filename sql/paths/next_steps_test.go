package paths

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// formatNext writes next_steps rows one a line, NULL as NULL.
func formatNext(rows []nextRow) []string {
	out := []string{}
	for _, r := range rows {
		next := r.next
		if next == "" {
			next = "NULL"
		}
		out = append(out, fmt.Sprintf("%s|%d|%d|%.6f", next, r.sessions, r.users, r.share))
	}
	return out
}

// nextQuery reads next_steps rows in the format of formatNext.
func nextQuery(q string) string {
	return `SELECT coalesce(next_event, 'NULL') || '|' || sessions || '|' || users || '|' || printf('%.6f', share) FROM (` + q + `)`
}

// TestNextStepsHand: the event after the first occurrence of the
// sequence in each session, repeats collapsed; NULL when the session ends
// there; sessions without the sequence left out.
func TestNextStepsHand(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadEvents(t, conn, []event{
		{1, 0, "a"}, {1, 1, "b"}, {1, 2, "b"}, {1, 3, "c"}, {1, 4, "a"}, {1, 5, "b"}, {1, 6, "d"},
		{1, 100, "a"}, {1, 101, "b"},
		{2, 0, "a"}, {2, 5, "c"},
		{3, 0, "a"}, {3, 1, "b"}, {3, 2, "d"},
	})
	for _, c := range []struct {
		args string
		want []string
	}{
		{`after := ['a', 'b']`, []string{"c|1|1|0.333333", "d|1|1|0.333333", "NULL|1|1|0.333333"}},
		{`'a'`, []string{"b|3|2|0.750000", "c|1|1|0.250000"}},
		{`['b', 'b'], collapse := false`, []string{"c|1|1|1.000000"}},
		{`['b', 'b']`, []string{}},
		{`['a'], session_gap := INTERVAL 2 HOUR`, []string{"b|2|2|0.666667", "c|1|1|0.333333"}},
		{`['d', 'a']`, []string{}},
	} {
		q := `SELECT * FROM next_steps(ev, u, ts, e, ` + c.args + `)`
		sqltest.SameRows(t, q, sqltest.Column(t, conn, nextQuery(q)), c.want)
	}
}

// TestNextStepsRandom compares next_steps with the reference on random
// logs, sequences and options.
func TestNextStepsRandom(t *testing.T) {
	conn := sqltest.Open(t, Family)
	r := rand.New(rand.NewPCG(13, 17))
	names := []string{"a", "b", "c", "d"}
	for i := range 200 {
		evs, o := randomEvents(r), randomOpts(r)
		var seq []string
		for range 1 + r.IntN(3) {
			seq = append(seq, names[r.IntN(len(names))])
		}
		loadEvents(t, conn, evs)
		q := fmt.Sprintf(`SELECT * FROM next_steps(ev, u, ts, e, ['%s'], session_gap := INTERVAL %d MINUTE, collapse := %t)`,
			strings.Join(seq, "', '"), o.gapMinutes, o.collapse)
		want := formatNext(refNextSteps(evs, seq, o))
		if want == nil {
			want = []string{}
		}
		sqltest.SameRows(t, fmt.Sprintf("case %d: %s on %v", i, q, evs), sqltest.Column(t, conn, nextQuery(q)), want)
		if t.Failed() {
			return
		}
	}
}

// TestNextStepsErrors: a bad after, session_gap or collapse fails naming
// next_steps and the argument, on an empty source too.
func TestNextStepsErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadEvents(t, conn, nil)
	for _, a := range []string{`[]::VARCHAR[]`, `NULL`, `['a', NULL]`, `{'a': 1}`, `list_transform(range(10), lambda i: 'x')`} {
		sqltest.WantError(t, conn, `SELECT * FROM next_steps(ev, u, ts, e, `+a+`)`,
			"next_steps: after: expected an event name or a list of 1 to 9 event names without NULLs, got")
	}
	sqltest.WantError(t, conn, `SELECT * FROM next_steps(ev, u, ts, e, 'a', session_gap := INTERVAL '-1 minute')`,
		"next_steps: session_gap: expected an INTERVAL of zero or more, got")
	sqltest.WantError(t, conn, `SELECT * FROM next_steps(ev, u, ts, e, 'a', collapse := 'no')`,
		"next_steps: collapse: expected true or false, got")
	loadEvents(t, conn, []event{{1, 0, "a"}})
	sqltest.WantError(t, conn, `SELECT * FROM next_steps(ev, u, e, e, 'a')`,
		"next_steps: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR")
}

// TestNextStepsRetries: the first place the whole sequence occurs counts,
// where sequence_next_node's first_match tries only the first a.
func TestNextStepsRetries(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadEvents(t, conn, []event{{1, 0, "a"}, {1, 1, "c"}, {1, 2, "a"}, {1, 3, "b"}, {1, 4, "d"}})
	sqltest.SameRows(t, "next_steps", sqltest.Column(t, conn, nextQuery(`SELECT * FROM next_steps(ev, u, ts, e, ['a', 'b'])`)),
		[]string{"d|1|1|1.000000"})
	sqltest.SameRows(t, "sequence_next_node", sqltest.Column(t, conn,
		`SELECT coalesce(sequence_next_node('forward', 'first_match', ts, e, true, [e = 'a', e = 'b']), 'NULL') FROM ev`), []string{"NULL"})
}

// TestNextStepsNineNames: a sequence of 9 names, the most, followed by one
// more event, and ending the session.
func TestNextStepsNineNames(t *testing.T) {
	conn := sqltest.Open(t, Family)
	var evs []event
	for i, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		evs = append(evs, event{1, i, n})
	}
	loadEvents(t, conn, evs)
	for after, want := range map[string]string{
		`['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']`: "j|1|1|1.000000",
		`['d', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']`: "NULL|1|1|1.000000",
		`['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']`: "l|1|1|1.000000",
	} {
		q := `SELECT * FROM next_steps(ev, u, ts, e, ` + after + `)`
		sqltest.SameRows(t, q, sqltest.Column(t, conn, nextQuery(q)), []string{want})
	}
}
