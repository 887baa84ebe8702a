package sessions

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestErrors: a negative, NULL or non-interval gap fails naming the
// function and gap, on an empty source too; a ts of the wrong type fails
// naming ts.
func TestErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE ev AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'x')) v(u, ts, label)`,
		`CREATE TABLE none AS SELECT * FROM ev WHERE false`)
	for _, fn := range []string{"sessionize", "sessions"} {
		for _, source := range []string{"ev", "none"} {
			for _, gap := range []string{`INTERVAL '-1 second'`, `-INTERVAL 30 MINUTE`, `INTERVAL '1 day -25 hours'`, `NULL`, `1800`, `'soon'`} {
				sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(`+source+`, u, ts, gap := `+gap+`)`, fn+": gap: expected an INTERVAL of zero or more")
			}
		}
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(ev, u, label)`, fn+": ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(ev, u, 5)`, fn+": ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got INTEGER")
	}
}
