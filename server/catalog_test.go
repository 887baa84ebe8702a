package server

import (
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestCatalogQueries replays testdata/catalog_queries, real clients'
// catalog queries as they send them, over the wire.
func TestCatalogQueries(t *testing.T) {
	ts := startServer(t, "", nil)
	demoShop(t, ts)
	c := ts.connect(t)
	datadriven.RunTest(t, "testdata/catalog_queries", func(t *testing.T, d *datadriven.TestData) string {
		res := c.PgConn().Exec(ctxT(t), d.Input)
		results, err := res.ReadAll()
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		var b strings.Builder
		for _, r := range results {
			for _, row := range r.Rows {
				vals := make([]string, len(row))
				for i, v := range row {
					vals[i] = "NULL"
					if v != nil {
						vals[i] = string(v)
					}
				}
				b.WriteString(strings.Join(vals, "|") + "\n")
			}
		}
		return b.String()
	})
}
