package rfm

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestErrors: every bad argument fails with a message naming rfm and the
// argument; option errors fire on an empty source too.
func TestErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn,
		`CREATE TABLE p AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 10.0, 'x')) v(c, ts, amount, label)`,
		`CREATE TABLE empty AS SELECT * FROM p WHERE false`)
	for _, source := range []string{"p", "empty"} {
		for _, bins := range []string{"1", "11", "0", "-5", "2.5", "NULL", "'many'"} {
			sqltest.WantError(t, conn, `SELECT * FROM rfm(`+source+`, c, ts, amount, bins := `+bins+`)`,
				"rfm: bins: expected a whole number from 2 to 10")
		}
		for _, asOf := range []string{"'soon'", "42", "true"} {
			sqltest.WantError(t, conn, `SELECT * FROM rfm(`+source+`, c, ts, amount, as_of := `+asOf+`)`, "rfm: as_of: expected a TIMESTAMP or DATE")
		}
	}
	sqltest.WantError(t, conn, `SELECT * FROM rfm(p, c, label, amount)`, "rfm: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM rfm(p, c, ts, label)`, "rfm: amount: expected a numeric column, got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM rfm(p, c, ts, ts)`, "rfm: amount: expected a numeric column, got TIMESTAMP")
	sqltest.WantError(t, conn, `SELECT * FROM rfm(p, c, ts, amount > 0)`, "rfm: amount: expected a numeric column, got BOOLEAN")
	sqltest.WantError(t, conn, `SELECT * FROM rfm(p, c, ts, 'nan'::DOUBLE)`, "rfm: amount: nan does not fit DECIMAL(38,6)")
	sqltest.WantError(t, conn, `SELECT * FROM rfm(p, c, ts, 1e40)`, "rfm: amount:", "does not fit DECIMAL(38,6)")
	// The limits themselves are fine, as are whole numbers in other types.
	for _, bins := range []string{"2", "10", "'5'", "5.0"} {
		sqltest.Rows(t, conn, `SELECT * FROM rfm(p, c, ts, amount, bins := `+bins+`)`)
	}
}
