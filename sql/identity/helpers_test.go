package identity

import (
	"database/sql"
	"sort"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// open opens an in-memory database with the family registered.
func open(t testing.TB) *sql.Conn { return sqltest.Open(t, Family) }

// pair is one input row; a nil side is NULL.
type pair struct{ a, b *string }

func s(v string) *string { return &v }

// load creates table name(a VARCHAR, b VARCHAR) holding pairs.
func load(t testing.TB, conn *sql.Conn, name string, pairs []pair) {
	t.Helper()
	sqltest.Exec(t, conn, "CREATE OR REPLACE TABLE "+name+"(a VARCHAR, b VARCHAR)")
	if len(pairs) == 0 {
		return
	}
	var vals []string
	for _, p := range pairs {
		vals = append(vals, "("+lit(p.a)+", "+lit(p.b)+")")
	}
	sqltest.Exec(t, conn, "INSERT INTO "+name+" VALUES "+strings.Join(vals, ", "))
}

func lit(v *string) string {
	if v == nil {
		return "NULL"
	}
	return "'" + strings.ReplaceAll(*v, "'", "''") + "'"
}

// mapping runs unify_ids over table name and returns id -> customer_key,
// failing on an id listed twice.
func mapping(t testing.TB, conn *sql.Conn, name string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range sqltest.Rows(t, conn, "SELECT id, customer_key FROM unify_ids("+name+", a, b)") {
		id, key, _ := strings.Cut(r, "|")
		if _, dup := out[id]; dup {
			t.Fatalf("id %q listed twice", id)
		}
		out[id] = key
	}
	return out
}

// naive is the reference: breadth-first search over an adjacency map,
// each component keyed by its smallest identifier.
func naive(pairs []pair) map[string]string {
	adj := map[string][]string{}
	for _, p := range pairs {
		switch {
		case p.a != nil && p.b != nil:
			adj[*p.a] = append(adj[*p.a], *p.b)
			adj[*p.b] = append(adj[*p.b], *p.a)
		case p.a != nil:
			adj[*p.a] = append(adj[*p.a], *p.a)
		case p.b != nil:
			adj[*p.b] = append(adj[*p.b], *p.b)
		}
	}
	out := map[string]string{}
	for start := range adj {
		if _, done := out[start]; done {
			continue
		}
		seen := map[string]bool{start: true}
		queue, comp := []string{start}, []string{}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			comp = append(comp, x)
			for _, y := range adj[x] {
				if !seen[y] {
					seen[y] = true
					queue = append(queue, y)
				}
			}
		}
		sort.Strings(comp)
		for _, x := range comp {
			out[x] = comp[0]
		}
	}
	return out
}

// sameMapping fails when got and want differ, listing the differences.
func sameMapping(t testing.TB, what string, got, want map[string]string) {
	t.Helper()
	var diffs []string
	for id, k := range want {
		if g, ok := got[id]; !ok {
			diffs = append(diffs, id+": missing, want "+k)
		} else if g != k {
			diffs = append(diffs, id+": "+g+", want "+k)
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok {
			diffs = append(diffs, id+": "+g+", not expected")
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		t.Errorf("%s:\n  %s", what, strings.Join(diffs, "\n  "))
	}
}
