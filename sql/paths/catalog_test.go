package paths

import (
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
)

// TestCatalogEntries checks the entries' fields and runs each example on a
// small demo shop: it must succeed and return rows.
func TestCatalogEntries(t *testing.T) {
	conn := benchtest.Shop(t, 0.2, Family)
	kinds := map[string]catalog.Kind{"paths": catalog.Table, "next_steps": catalog.Table, "sequence_next_node": catalog.Aggregate}
	var names []string
	for _, f := range Family.Functions {
		names = append(names, f.Name)
		if f.Kind != kinds[f.Name] || f.Family != Family.Name || f.Description == "" ||
			strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, f.Name+"(") {
			t.Errorf("entry %+v", f)
		}
		if rows := sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")); len(rows) == 0 {
			t.Errorf("%s example returned no rows", f.Name)
		}
	}
	if Family.Name != "paths" || strings.Join(names, ",") != "paths,next_steps,sequence_next_node" {
		t.Errorf("family %q with %v", Family.Name, names)
	}
}

// TestExampleAnswers: the paths example on the shop gives paths that all
// start with page_view, at most 4 steps, sessions ordered most first, and
// every session with a page_view is counted once.
func TestExampleAnswers(t *testing.T) {
	conn := benchtest.Shop(t, 0.2, Family)
	rows := queryPaths(t, conn, strings.TrimSuffix(Family.Functions[0].Example, ";"))
	for i, r := range rows {
		if r.path[0] != "page_view" || r.steps != len(r.path) || r.steps > 4 || r.users > r.sessions ||
			(i > 0 && r.sessions > rows[i-1].sessions) {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	// Without the LIMIT the sessions add up to the sessions with a
	// page_view, counted here with plain window functions.
	want := sqltest.Int(t, conn, `SELECT count(*) FROM (
		SELECT user_id, s FROM (
			SELECT user_id, event, sum(new) OVER (PARTITION BY user_id ORDER BY ts, event ROWS UNBOUNDED PRECEDING) AS s
			FROM (SELECT user_id, ts, event,
			             CASE WHEN lag(ts) OVER (PARTITION BY user_id ORDER BY ts, event) >= ts - INTERVAL 30 MINUTE THEN 0 ELSE 1 END AS new
			      FROM events))
		GROUP BY user_id, s HAVING bool_or(event = 'page_view'))`)
	got := sqltest.Int(t, conn, `SELECT sum(sessions)::BIGINT FROM paths(events, user_id, ts, event, start := 'page_view', max_steps := 4)`)
	if got != want || want == 0 {
		t.Errorf("paths counts %d sessions from a page_view, plain SQL %d", got, want)
	}
}

// TestPlainSQLAgrees: on the shop, paths from the session start equal the
// plain-SQL formulation of bench_test.go.
func TestPlainSQLAgrees(t *testing.T) {
	conn := benchtest.Shop(t, 0.2, Family)
	want := sqltest.Rows(t, conn, plainListPaths)
	got := sqltest.Rows(t, conn, `SELECT path, steps, sessions, users FROM paths(events, user_id, ts, event)`)
	if len(want) < 3 {
		t.Fatalf("plain SQL gave %v", want)
	}
	sqltest.SameRows(t, "paths against plain SQL", got, want)
}

// TestRegisterTwice: registering again replaces the macros.
func TestRegisterTwice(t *testing.T) { sqltest.RegisterTwice(t, Family) }
