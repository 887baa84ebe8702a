package cohort

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestBadOptions: each bad option fails with a message naming the report
// and the argument, on a source with rows and on empty ones (a view the
// optimizer knows to be empty, and an empty table).
func TestBadOptions(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog, `CREATE VIEW nothing AS SELECT * FROM shop WHERE false`,
		`CREATE TABLE empty AS SELECT * FROM shop WHERE false`)
	periodCases := []struct {
		args  string
		parts []string
	}{
		{`period := 'fortnight'`, []string{"period:", "hour, day, week, month, quarter or year", "'fortnight'"}},
		{`period := 'minute'`, []string{"period:", "'minute'"}}, // valid for date_trunc, not here
		{`period := 'Month'`, []string{"period:", "'Month'"}},   // lower case only
		{`period := NULL`, []string{"period:", "got NULL"}},
	}
	cohortCases := append(periodCases, []struct {
		args  string
		parts []string
	}{
		{`periods := -1`, []string{"cohort: periods:", "whole number >= 0", "-1"}},
		{`periods := 2.5`, []string{"cohort: periods:", "2.5"}},
		{`periods := 'twelve'`, []string{"cohort: periods:", "twelve"}},
		{`periods := NULL`, []string{"cohort: periods:", "NULL"}},
		{`periods := 1e30`, []string{"cohort: periods:", "1e+30"}},
	}...)
	for _, source := range []string{"shop", "nothing", "empty"} {
		for _, c := range cohortCases {
			for _, amount := range []string{"", ", amount := amount"} {
				q := `SELECT * FROM cohort(` + source + `, uid, ts, ` + c.args + amount + `)`
				sqltest.WantError(t, conn, q, append([]string{"cohort: "}, c.parts...)...)
			}
		}
		for _, c := range periodCases {
			q := `SELECT * FROM lifecycle(` + source + `, uid, ts, ` + c.args + `)`
			sqltest.WantError(t, conn, q, append([]string{"lifecycle: "}, c.parts...)...)
		}
	}
}

// TestBadColumns: a ts that is not a time, conditions that are not
// BOOLEAN and an amount that is not a number fail with a message naming
// the report and the argument. DuckDB alone would say "No function
// matches date_trunc(STRING_LITERAL, VARCHAR)", naming neither.
func TestBadColumns(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog)
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts::VARCHAR)`,
		"cohort: ts:", "TIMESTAMP, TIMESTAMPTZ or DATE", "got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, 42, amount := amount)`, "cohort: ts:", "got INTEGER")
	sqltest.WantError(t, conn, `SELECT * FROM lifecycle(shop, uid, ts::VARCHAR)`,
		"lifecycle: ts:", "TIMESTAMP, TIMESTAMPTZ or DATE", "got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts, start_event := event)`,
		"cohort: start_event:", "BOOLEAN", "got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts, return_event := 1)`,
		"cohort: return_event:", "BOOLEAN", "got INTEGER")
	// sum() would add up a BOOLEAN; the report refuses it.
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts, amount := amount > 10)`,
		"cohort: amount:", "numeric", "got BOOLEAN")
	// A type sum() does not take fails when DuckDB binds the query, with
	// its own message (see doc.go).
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts, amount := event)`, "sum(VARCHAR)")
	// A fourth positional argument matches both overloads of cohort.
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts, amount)`, "cohort()", "multiple overloads")
	// Unknown arguments and a missing table are DuckDB's own errors, which
	// name them.
	sqltest.WantError(t, conn, `SELECT * FROM cohort(shop, uid, ts, window := 3)`, "cohort", "window")
	sqltest.WantError(t, conn, `SELECT * FROM lifecycle(shop, uid, ts, periods := 3)`, "lifecycle", "periods")
	sqltest.WantError(t, conn, `SELECT * FROM cohort(no_such_table, uid, ts)`, "no_such_table")
}
