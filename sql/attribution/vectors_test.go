package attribution

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestThreeTouches: one conversion of 10.00 on 2025-01-09 after touches
// email (8 days before), social (1 day before) and direct (at the
// conversion itself, inside the window). By hand:
//   - first_touch email, last_touch direct, last_non_direct social;
//   - linear 1/3 each: cumulative 333.33 -> 333, 666.67 -> 667, 1000
//     cents, so email 3.33, social 3.34, direct 3.33;
//   - position_based 0.4 / 0.2 / 0.4: 4.00, 2.00, 4.00;
//   - time_decay weights relative to the latest touch: direct 1, social
//     2^(-1/7) = 0.905724, email 2^(-8/7) = 0.452862 (half of social's),
//     sum 2.358586: shares 0.423983, 0.384011, 0.192006; cumulative
//     cents 192.006 -> 192, 576.017 -> 576, 1000: 1.92, 3.84, 4.24.
//
// A second conversion of another user with no touch is credited to
// (unattributed) under every model.
func TestThreeTouches(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'email'), (1, TIMESTAMP '2025-01-08', 'social'),
			(1, TIMESTAMP '2025-01-09', 'direct')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-09', 10.00::DECIMAL(12,2)),
			(2, TIMESTAMP '2025-01-09', 5.00::DECIMAL(12,2))) v(u, ts, amount)`)
	got := report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'all'`)
	sqltest.SameRows(t, "all models", got, []string{
		"first_touch|direct|0.0|0.0", "first_touch|email|1.0|10.0", "first_touch|social|0.0|0.0", "first_touch|(unattributed)|1.0|5.0",
		"last_touch|direct|1.0|10.0", "last_touch|email|0.0|0.0", "last_touch|social|0.0|0.0", "last_touch|(unattributed)|1.0|5.0",
		"last_non_direct|direct|0.0|0.0", "last_non_direct|email|0.0|0.0", "last_non_direct|social|1.0|10.0", "last_non_direct|(unattributed)|1.0|5.0",
		"linear|direct|0.333333|3.33", "linear|email|0.333333|3.33", "linear|social|0.333333|3.34", "linear|(unattributed)|1.0|5.0",
		"position_based|direct|0.4|4.0", "position_based|email|0.4|4.0", "position_based|social|0.2|2.0", "position_based|(unattributed)|1.0|5.0",
		"time_decay|direct|0.423983|4.24", "time_decay|email|0.192006|1.92", "time_decay|social|0.384011|3.84", "time_decay|(unattributed)|1.0|5.0",
	})
	// One model: the same rows without the model column; the default model
	// is last_touch and the default value 1 per conversion.
	sqltest.SameRows(t, "linear", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'linear'`),
		[]string{"direct|0.333333|3.33", "email|0.333333|3.33", "social|0.333333|3.34", "(unattributed)|1.0|5.0"})
	sqltest.SameRows(t, "defaults", report(t, conn, `t, u, ts, ch, c, u, ts`),
		[]string{"direct|1.0|1.0", "email|0.0|0.0", "social|0.0|0.0", "(unattributed)|1.0|1.0"})
}

// TestOneTouch: a single touch gets everything under every model.
func TestOneTouch(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT 7 AS u, TIMESTAMP '2025-03-01 10:00' AS ts, 'email' AS ch`,
		`CREATE TABLE c AS SELECT 7 AS u, TIMESTAMP '2025-03-02 10:00' AS ts, 25.50::DECIMAL(10,2) AS amount`)
	for _, m := range Models {
		sqltest.SameRows(t, m, report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := '`+m+`'`),
			[]string{"email|1.0|25.5"})
	}
}

// TestTwoTouches: position_based splits 50/50 between two touches (its 40
// / 20 / 40 rule needs three); time_decay with the default 7-day half-life
// gives a touch 8 days before the conversion half the weight of one 1 day
// before: 1/3 and 2/3, so 3.00 splits 1.00 / 2.00.
func TestTwoTouches(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01 12:00', 'email'), (1, TIMESTAMP '2025-01-08 12:00', 'social')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-09 12:00' AS ts, 3.00 AS amount`)
	sqltest.SameRows(t, "position_based", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'position_based'`),
		[]string{"email|0.5|1.5", "social|0.5|1.5"})
	sqltest.SameRows(t, "time_decay", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'time_decay'`),
		[]string{"email|0.333333|1.0", "social|0.666667|2.0"})
	// A 1-day half-life: 2^-8 / (2^-8 + 2^-1) = 1/129 and 128/129.
	got := sqltest.Rows(t, conn, `SELECT channel, conversions * 129 FROM attribution(t, u, ts, ch, c, u, ts, model := 'time_decay', half_life := INTERVAL 1 DAY)`)
	sqltest.SameRows(t, "1-day half-life", got, []string{"email|1.0", "social|128.0"})
}

// TestLastNonDirect: the latest touch that is not direct, whatever direct
// touches follow it; when every touch is direct, the last one.
func TestLastNonDirect(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES
			(1, TIMESTAMP '2025-01-01', 'email'), (1, TIMESTAMP '2025-01-02', 'social'), (1, TIMESTAMP '2025-01-03', 'direct'),
			(2, TIMESTAMP '2025-01-01', 'direct'), (2, TIMESTAMP '2025-01-02', 'direct'),
			(3, TIMESTAMP '2025-01-01', '(none)'), (3, TIMESTAMP '2025-01-02', 'direct'), (3, TIMESTAMP '2025-01-03', '(none)')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT u, TIMESTAMP '2025-01-04' AS ts FROM range(1, 4) r(u)`)
	// User 1: social; user 2: all direct, the last direct; user 3: (none)
	// is not direct by default, the last (none).
	sqltest.SameRows(t, "default direct", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'last_non_direct'`),
		[]string{"(none)|1.0|1.0", "direct|1.0|1.0", "email|0.0|0.0", "social|1.0|1.0"})
	// With both names direct, user 3's touches are all direct: the last,
	// (none) on the 3rd.
	sqltest.SameRows(t, "direct list", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'last_non_direct', direct := ['direct', '(none)']`),
		[]string{"(none)|1.0|1.0", "direct|1.0|1.0", "email|0.0|0.0", "social|1.0|1.0"})
	// With social as the only direct channel, user 1's latest non-direct
	// touch is the one named direct, on the 3rd.
	sqltest.SameRows(t, "direct social", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'last_non_direct', direct := 'social'`),
		[]string{"(none)|1.0|1.0", "direct|2.0|2.0", "email|0.0|0.0", "social|0.0|0.0"})
	// With no direct channel at all, last_non_direct is last_touch.
	sqltest.SameRows(t, "no direct", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'last_non_direct', direct := []`),
		report(t, conn, `t, u, ts, ch, c, u, ts, model := 'last_touch'`))
}

// TestLookbackBoundary: touches exactly lookback before the conversion and
// exactly at it count; a microsecond outside either end does not.
func TestLookbackBoundary(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES
			(1, TIMESTAMP '2025-01-01 00:00:00', 'at_start'),
			(1, TIMESTAMP '2024-12-31 23:59:59.999999', 'too_early'),
			(1, TIMESTAMP '2025-01-31 00:00:00', 'at_conversion'),
			(1, TIMESTAMP '2025-01-31 00:00:00.000001', 'too_late')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-31' AS ts`)
	sqltest.SameRows(t, "30 days", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'linear'`),
		[]string{"at_conversion|0.5|0.5", "at_start|0.5|0.5"})
	// A 29-day window leaves only the touch at the conversion; a string
	// interval works too.
	sqltest.SameRows(t, "29 days", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'linear', lookback := '29 days'`),
		[]string{"at_conversion|1.0|1.0"})
	// A 31-day window takes in too_early, now the first touch.
	sqltest.SameRows(t, "first touch", report(t, conn, `t, u, ts, ch, c, u, ts, model := 'first_touch', lookback := INTERVAL 31 DAY`),
		[]string{"at_conversion|0.0|0.0", "at_start|0.0|0.0", "too_early|1.0|1.0"})
}

// TestSharedTouches: two conversions of one user share the touches before
// both; each conversion is credited in full, on its own window.
func TestSharedTouches(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES (1, DATE '2025-01-01', 'email'), (1, DATE '2025-01-05', 'social'),
			(1, DATE '2025-01-20', 'paid')) v(u, ts, ch)`,
		// Conversion 1 on the 6th sees email and social, conversion 2 on
		// the 25th all three (with a 10-day lookback: paid only).
		`CREATE TABLE c AS SELECT * FROM (VALUES (1, DATE '2025-01-06', 10), (1, DATE '2025-01-25', 30)) v(u, ts, amount)`)
	// linear: conv 1 splits 10 in halves, conv 2 30 in thirds.
	sqltest.SameRows(t, "linear", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'linear'`),
		[]string{"email|0.833333|15.0", "paid|0.333333|10.0", "social|0.833333|15.0"})
	sqltest.SameRows(t, "first_touch", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'first_touch'`),
		[]string{"email|2.0|40.0", "paid|0.0|0.0", "social|0.0|0.0"})
	sqltest.SameRows(t, "10-day lookback", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'first_touch', lookback := INTERVAL 10 DAY`),
		[]string{"email|1.0|10.0", "paid|1.0|30.0", "social|0.0|0.0"})
}

// TestTies: touches at the same ts are ordered by channel name, so the
// first touch is the smallest name and the last the largest; exact
// duplicates count as separate touches.
func TestTies(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'social'), (1, TIMESTAMP '2025-01-01', 'email'),
			(1, TIMESTAMP '2025-01-01', 'paid'), (1, TIMESTAMP '2025-01-01', 'paid')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-02' AS ts, 1.00 AS amount`)
	got := report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'all'`)
	// Order: email, paid, paid, social. position_based: 0.4, 0.1, 0.1,
	// 0.4; linear 0.25 each (cumulative cents 25, 50, 75, 100). Equal ts
	// give equal time-decay weights.
	sqltest.SameRows(t, "ties", got, []string{
		"first_touch|email|1.0|1.0", "first_touch|paid|0.0|0.0", "first_touch|social|0.0|0.0",
		"last_touch|email|0.0|0.0", "last_touch|paid|0.0|0.0", "last_touch|social|1.0|1.0",
		"last_non_direct|email|0.0|0.0", "last_non_direct|paid|0.0|0.0", "last_non_direct|social|1.0|1.0",
		"linear|email|0.25|0.25", "linear|paid|0.5|0.5", "linear|social|0.25|0.25",
		"position_based|email|0.4|0.4", "position_based|paid|0.2|0.2", "position_based|social|0.4|0.4",
		"time_decay|email|0.25|0.25", "time_decay|paid|0.5|0.5", "time_decay|social|0.25|0.25",
	})
}

// TestNulls: touches without a user, ts or channel and conversions without
// a user or ts are ignored; a NULL value is a conversion worth 0.
func TestNulls(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'email'), (1, TIMESTAMP '2025-01-02', NULL),
			(NULL, TIMESTAMP '2025-01-02', 'social'), (1, NULL, 'social')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-03', 4.00), (1, TIMESTAMP '2025-01-04', NULL),
			(NULL, TIMESTAMP '2025-01-04', 9.00), (1, NULL, 9.00)) v(u, ts, amount)`)
	sqltest.SameRows(t, "nulls", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'linear'`),
		[]string{"email|2.0|4.0"})
}

// TestTimestampTypes: DATE, TIMESTAMPTZ and TIMESTAMP_S columns work, and
// either source may use another type than the other.
func TestTimestampTypes(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn, `SET TimeZone = 'UTC'`,
		`CREATE TABLE t AS SELECT 1 AS u, DATE '2025-01-01' AS d, TIMESTAMPTZ '2025-01-01 00:00:00+00' AS tz, 'email' AS ch`,
		`CREATE TABLE c AS SELECT 1::BIGINT AS u, TIMESTAMP_S '2025-01-31 00:00:00' AS ts, TIMESTAMPTZ '2025-01-31 00:00:00+00' AS tz`)
	for _, args := range []string{"t, u, d, ch, c, u, ts", "t, u, tz, ch, c, u, tz", "t, u, d, ch, c, u, tz"} {
		sqltest.SameRows(t, args, report(t, conn, args), []string{"email|1.0|1.0"})
	}
}

// TestUnderflow: with a half-life of a second, weights 2^-(days in
// seconds) would all be 0; taken relative to the latest touch the latest
// gets all the credit and the result is still a number.
func TestUnderflow(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'email'), (1, TIMESTAMP '2025-01-05', 'social')) v(u, ts, ch)`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-20' AS ts, 2.00 AS amount`)
	sqltest.SameRows(t, "1s half-life", report(t, conn, `t, u, ts, ch, c, u, ts, conv_value := amount, model := 'time_decay', half_life := INTERVAL 1 SECOND`),
		[]string{"email|0.0|0.0", "social|1.0|2.0"})
}

// TestNameClashes: sources that are CTEs named like the macro's own
// arguments (touches, conversions), and columns named like other
// arguments (a touch column conv_ts passed as ts, a conversion column
// channel passed as conv_value), resolve against their own source.
func TestNameClashes(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		`CREATE TABLE t1 AS SELECT 1 AS conv_user, TIMESTAMP '2025-01-01' AS conv_ts, 'email' AS conversions`,
		`CREATE TABLE c1 AS SELECT 1 AS "user", TIMESTAMP '2025-01-02' AS ts, 5 AS channel`)
	got := sqltest.Rows(t, conn, `WITH touches AS (SELECT * FROM t1), conversions AS (SELECT * FROM c1)
		SELECT * FROM attribution(touches, conv_user, conv_ts, conversions, conversions, "user", ts, conv_value := channel, model := 'linear')`)
	sqltest.SameRows(t, "clashing names", got, []string{"email|1.0|5.0"})
}
