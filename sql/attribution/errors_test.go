package attribution

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestErrors: every bad argument fails with a message naming attribution,
// the argument and what was expected; options and column types fail on
// empty sources too.
func TestErrors(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT 1 AS u, TIMESTAMP '2025-01-01' AS ts, 'email' AS ch, 'x' AS label, 'a' AS s, true AS flag`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-02' AS ts, 9.99 AS amount, 'x' AS label, 'a' AS s`,
		`CREATE TABLE t0 AS SELECT * FROM t WHERE false`,
		`CREATE TABLE c0 AS SELECT * FROM c WHERE false`)
	for _, src := range [][2]string{{"t", "c"}, {"t0", "c0"}, {"t", "c0"}, {"t0", "c"}} {
		call := func(args string) string {
			return `SELECT * FROM attribution(` + src[0] + `, u, ts, ch, ` + src[1] + `, u, ts` + args + `)`
		}
		for _, m := range []string{"'first'", "'LINEAR'", "''", "NULL", "42"} {
			sqltest.WantError(t, conn, call(`, model := `+m),
				"attribution: model: expected first_touch, last_touch, last_non_direct, linear, position_based, time_decay or all, got")
		}
		for _, arg := range []string{"lookback", "half_life"} {
			for _, v := range []string{"INTERVAL 0 DAY", "INTERVAL '-1 day'", "-INTERVAL 1 HOUR", "NULL", "'soon'", "30", "true"} {
				sqltest.WantError(t, conn, call(`, `+arg+` := `+v), "attribution: "+arg+": expected a positive INTERVAL, got")
			}
		}
		sqltest.WantError(t, conn, call(`, direct := NULL`), "attribution: direct: expected a channel name or a list of channel names, got NULL")
		sqltest.WantError(t, conn, `SELECT * FROM attribution(`+src[0]+`, u, label, ch, `+src[1]+`, u, ts)`,
			"attribution: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR")
		sqltest.WantError(t, conn, `SELECT * FROM attribution(`+src[0]+`, u, flag, ch, `+src[1]+`, u, ts)`,
			"attribution: ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got BOOLEAN")
		sqltest.WantError(t, conn, `SELECT * FROM attribution(`+src[0]+`, u, ts, ch, `+src[1]+`, u, u)`,
			"attribution: conv_ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got INTEGER")
		sqltest.WantError(t, conn, call(`, conv_value := label`), "attribution: conv_value: expected a numeric column, got VARCHAR")
		sqltest.WantError(t, conn, call(`, conv_value := ts`), "attribution: conv_value: expected a numeric column, got TIMESTAMP")
		sqltest.WantError(t, conn, `SELECT * FROM attribution(`+src[0]+`, u, ts, ch, `+src[1]+`, s, ts)`,
			"attribution: conv_user: expected the type of user (INTEGER), got VARCHAR")
		sqltest.WantError(t, conn, `SELECT * FROM attribution(`+src[0]+`, s, ts, ch, `+src[1]+`, u, ts)`,
			"attribution: conv_user: expected the type of user (VARCHAR), got INTEGER")
	}
	// What is accepted: every model, 'all', intervals as strings, one or
	// several direct channels, users of two integer types, a DOUBLE value.
	for _, m := range append(append([]string{}, Models...), "all") {
		sqltest.Rows(t, conn, `SELECT * FROM attribution(t, u, ts, ch, c, u, ts, model := '`+m+`')`)
	}
	sqltest.Rows(t, conn, `SELECT * FROM attribution(t, u, ts, ch, c, u::BIGINT, ts, lookback := '2 days', half_life := '12 hours',
		direct := ['direct', 'none'], conv_value := amount::DOUBLE)`)
	sqltest.Rows(t, conn, `SELECT * FROM attribution(t, s, ts, ch, c, s, ts, direct := [])`)
}

// TestValueTooLong: a DECIMAL value of 2^63 units or more cannot be split
// in whole units of a BIGINT; it fails naming the argument. 16 digits
// (below 2^53 units) still come back exactly.
func TestValueTooLong(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn, `CREATE TABLE t AS SELECT 1 AS u, TIMESTAMP '2025-01-01' AS ts, 'email' AS ch`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-02' AS ts,
			123456789012345678.90::DECIMAL(38,2) AS big, 12345678901234.56::DECIMAL(38,2) AS ok`)
	sqltest.WantError(t, conn, `SELECT * FROM attribution(t, u, ts, ch, c, u, ts, conv_value := big)`,
		"attribution: conv_value: 123456789012345678.90 has too many digits to split exactly (2^63 units or more)")
	sqltest.SameRows(t, "16 digits", sqltest.Rows(t, conn, `SELECT channel, value::DECIMAL(38,2) FROM attribution(t, u, ts, ch, c, u, ts, conv_value := ok)`),
		[]string{"email|12345678901234.56"})
}
