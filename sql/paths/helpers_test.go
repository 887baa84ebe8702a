package paths

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// loadEvents replaces table ev with the events, ts being minutes after
// 2025-01-01.
func loadEvents(t testing.TB, conn *sql.Conn, evs []event) {
	t.Helper()
	sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE ev(u INTEGER, ts TIMESTAMP, e VARCHAR)`)
	if len(evs) == 0 {
		return
	}
	var vals []string
	for _, e := range evs {
		vals = append(vals, fmt.Sprintf("(%d, TIMESTAMP '2025-01-01' + to_minutes(%d), '%s')", e.user, e.min, e.name))
	}
	sqltest.Exec(t, conn, `INSERT INTO ev VALUES `+strings.Join(vals, ", "))
}

// callPaths is the paths call on ev with the options.
func callPaths(o pathOpts) string {
	args := []string{"ev", "u", "ts", "e"}
	if o.start != "" {
		args = append(args, "start := '"+o.start+"'")
	}
	if o.end != "" {
		args = append(args, "end_event := '"+o.end+"'")
	}
	args = append(args, fmt.Sprintf("max_steps := %d", o.steps),
		fmt.Sprintf("session_gap := INTERVAL %d MINUTE", o.gapMinutes),
		fmt.Sprintf("collapse := %t", o.collapse))
	return "paths(" + strings.Join(args, ", ") + ")"
}

// queryPaths runs q, a query returning paths' five columns, and reads the
// rows in order.
func queryPaths(t testing.TB, conn *sql.Conn, q string) []pathRow {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), `SELECT to_json(path)::VARCHAR, steps, sessions, users, share FROM (`+q+`)`)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []pathRow
	for rows.Next() {
		var r pathRow
		var js string
		if err := rows.Scan(&js, &r.steps, &r.sessions, &r.users, &r.share); err != nil {
			t.Fatal(err)
		}
		r.path = parseJSONList(t, js)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// parseJSONList reads a JSON list of simple strings (no escapes).
func parseJSONList(t testing.TB, js string) []string {
	t.Helper()
	if !strings.HasPrefix(js, `["`) || !strings.HasSuffix(js, `"]`) {
		t.Fatalf("path %s is not a list of strings", js)
	}
	return strings.Split(js[2:len(js)-2], `","`)
}

// formatPaths writes rows one a line, for comparing and showing.
func formatPaths(rows []pathRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s|%d|%d|%d|%.6f", strings.Join(r.path, ">"), r.steps, r.sessions, r.users, r.share))
	}
	return out
}
