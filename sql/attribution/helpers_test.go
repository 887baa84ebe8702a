package attribution

import (
	"database/sql"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// open opens an in-memory database with the family registered.
func open(t testing.TB) *sql.Conn { return sqltest.Open(t, Family) }

// report runs attribution with the given arguments (after the seven
// column arguments' sources: "t, u, ts, ch, c, u, ts" by default) and
// returns its rows with conversions rounded to 6 decimals:
// "model|channel|conversions|value" for model := 'all', else
// "channel|conversions|value".
func report(t testing.TB, conn *sql.Conn, args string) []string {
	t.Helper()
	return sqltest.Rows(t, conn, `SELECT * REPLACE (round(conversions, 6) AS conversions) FROM attribution(`+args+`)`)
}
