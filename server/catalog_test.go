package server

import (
	"sort"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/jackc/pgx/v5"
)

// TestCatalogQueries replays testdata/catalog_queries, real clients'
// catalog queries as they send them, over the wire. "query" prints the
// rows ("query sort" sorts them, for queries whose order PostgreSQL
// leaves open); "exec" runs statements that set up what later queries
// describe and prints ok. The OIDs of the user's relations, constraints
// and database print as $oid(name): they follow DuckDB's numbering,
// which any new catalog object shifts; in a query, $oid(name) stands for
// the OID (a parameter a client bound to the OID it had read).
func TestCatalogQueries(t *testing.T) {
	ts := startServer(t, "", nil)
	demoShop(t, ts)
	c := ts.connect(t)
	datadriven.RunTest(t, "testdata/catalog_queries", func(t *testing.T, d *datadriven.TestData) string {
		res := c.PgConn().Exec(ctxT(t), withOIDs(t, c, d.Input))
		results, err := res.ReadAll()
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		if d.Cmd == "exec" {
			return "ok\n"
		}
		names := userOIDs(t, c)
		var lines []string
		for _, r := range results {
			for _, row := range r.Rows {
				vals := make([]string, len(row))
				for i, v := range row {
					vals[i] = "NULL"
					if v != nil {
						vals[i] = string(v)
					}
					if name, ok := names[vals[i]]; ok {
						vals[i] = "$oid(" + name + ")"
					}
				}
				lines = append(lines, strings.Join(vals, "|")+"\n")
			}
		}
		if d.HasArg("sort") {
			sort.Strings(lines)
		}
		return strings.Join(lines, "")
	})
}

// userOIDs maps the OIDs of public's relations, their constraints and
// the database to their names.
func userOIDs(t *testing.T, c *pgx.Conn) map[string]string {
	t.Helper()
	rows, err := c.Query(ctxT(t), `SELECT oid::text, relname FROM pg_catalog.pg_class WHERE relnamespace = 2200
		UNION ALL SELECT oid::text, conname FROM pg_catalog.pg_constraint
		UNION ALL SELECT oid::text, datname FROM pg_catalog.pg_database`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var oid, name string
		if err := rows.Scan(&oid, &name); err != nil {
			t.Fatal(err)
		}
		out[oid] = name
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// withOIDs replaces each $oid(name) in a query with the OID of the
// relation, constraint or database of that name.
func withOIDs(t *testing.T, c *pgx.Conn, q string) string {
	t.Helper()
	if !strings.Contains(q, "$oid(") {
		return q
	}
	for oid, name := range userOIDs(t, c) {
		q = strings.ReplaceAll(q, "$oid("+name+")", oid)
	}
	return q
}
