package retention

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestReportBadOptions: each bad option fails with a message naming
// retention and the argument, on a source with rows and on an empty one.
func TestReportBadOptions(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, longLog, `CREATE VIEW nothing AS SELECT * FROM long WHERE false`)
	cases := []struct {
		args  string
		parts []string
	}{
		{`period := 'fortnight'`, []string{"retention: period:", "hour, day, week, month, quarter or year", "'fortnight'"}},
		{`period := 'minute'`, []string{"retention: period:", "'minute'"}}, // valid for date_trunc, not here
		{`period := 'Day'`, []string{"retention: period:", "'Day'"}},       // lower case only
		{`period := NULL`, []string{"retention: period:", "NULL"}},
		{`kind := 'returning'`, []string{"retention: kind:", "first_time or recurring", "'returning'"}},
		{`kind := NULL`, []string{"retention: kind:", "NULL"}},
		{`periods := -1`, []string{"retention: periods:", "whole number >= 0", "-1"}},
		{`periods := 2.5`, []string{"retention: periods:", "2.5"}},
		{`periods := 'seven'`, []string{"retention: periods:", "seven"}},
		{`periods := NULL`, []string{"retention: periods:", "NULL"}},
		{`periods := 1e30`, []string{"retention: periods:", "1e+30"}},
		{`cumulative := 'maybe'`, []string{"retention: cumulative:", "maybe"}},
		{`cumulative := NULL`, []string{"retention: cumulative:", "NULL"}},
	}
	for _, source := range []string{"long", "nothing"} {
		for _, c := range cases {
			sqltest.WantError(t, conn, `SELECT * FROM retention(`+source+`, uid, ts, `+c.args+`)`, c.parts...)
		}
	}
}

// TestReportBadColumns: a ts that is not a time and conditions that are
// not BOOLEAN fail with a message naming retention and the argument.
// DuckDB alone would say "No function matches date_trunc(STRING_LITERAL,
// VARCHAR)", naming neither; the macro checks the type first.
func TestReportBadColumns(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, longLog)
	sqltest.WantError(t, conn, `SELECT * FROM retention(long, uid, ts::VARCHAR)`,
		"retention: ts:", "TIMESTAMP, TIMESTAMPTZ or DATE", "got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM retention(long, uid, 42)`, "retention: ts:", "got INTEGER")
	sqltest.WantError(t, conn, `SELECT * FROM retention(long, uid, ts, start_event := uid)`,
		"retention: start_event:", "BOOLEAN", "got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM retention(long, uid, ts, return_event := 1)`,
		"retention: return_event:", "BOOLEAN", "got INTEGER")
	// A missing table is DuckDB's own error, which names it.
	sqltest.WantError(t, conn, `SELECT * FROM retention(no_such_table, uid, ts)`, "no_such_table")
}
