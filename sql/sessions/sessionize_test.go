package sessions

import (
	"database/sql"
	"fmt"
	"github.com/martdb/martdb/sql/sqltest"
	"testing"
)

// handEvents creates ev(u, ts, name), inserted out of time order. With the
// default 30-minute gap:
//
//	user 1: a 10:00:00, b 10:30:00 (exactly 30 min after a: same session),
//	        c 11:00:00.000001 (30 min + 1 us after b: new session),
//	        d at the same instant as c (tie: same session, same number),
//	        e 11:10:00 (third event of session 2, numbered 3 after the tie)
//	user 2: f 10:10:00, interleaved with user 1 (one event, one session),
//	        g 10:40:00.000001 (30 min + 1 us later: session 2)
//	user 3: h, i, j at the same instant 09:00 (one session, all number 1)
//	NULL user k, and user 2 with a NULL ts l: kept, no session.
func handEvents(t *testing.T) *sql.Conn {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE ev AS SELECT * FROM (VALUES
		(2, TIMESTAMP '2025-01-01 10:40:00.000001', 'g'),
		(1, TIMESTAMP '2025-01-01 11:10:00', 'e'),
		(3, TIMESTAMP '2025-01-01 09:00:00', 'h'),
		(1, TIMESTAMP '2025-01-01 10:30:00', 'b'),
		(NULL, TIMESTAMP '2025-01-01 10:05:00', 'k'),
		(1, TIMESTAMP '2025-01-01 11:00:00.000001', 'd'),
		(2, TIMESTAMP '2025-01-01 10:10:00', 'f'),
		(3, TIMESTAMP '2025-01-01 09:00:00', 'i'),
		(1, TIMESTAMP '2025-01-01 10:00:00', 'a'),
		(2, NULL, 'l'),
		(1, TIMESTAMP '2025-01-01 11:00:00.000001', 'c'),
		(3, TIMESTAMP '2025-01-01 09:00:00', 'j')) v(u, ts, name)`)
	return conn
}

// TestSessionizeHandCases checks every output row of handEvents.
func TestSessionizeHandCases(t *testing.T) {
	conn := handEvents(t)
	got := sqltest.Rows(t, conn, `SELECT * FROM sessionize(ev, u, ts) ORDER BY name`)
	want := []string{
		"1|2025-01-01 10:00:00|a|1|2025-01-01 10:00:00|1",
		"1|2025-01-01 10:30:00|b|1|2025-01-01 10:00:00|2",
		"1|2025-01-01 11:00:00.000001|c|2|2025-01-01 11:00:00.000001|1",
		"1|2025-01-01 11:00:00.000001|d|2|2025-01-01 11:00:00.000001|1",
		"1|2025-01-01 11:10:00|e|2|2025-01-01 11:00:00.000001|3",
		"2|2025-01-01 10:10:00|f|1|2025-01-01 10:10:00|1",
		"2|2025-01-01 10:40:00.000001|g|2|2025-01-01 10:40:00.000001|1",
		"3|2025-01-01 09:00:00|h|1|2025-01-01 09:00:00|1",
		"3|2025-01-01 09:00:00|i|1|2025-01-01 09:00:00|1",
		"3|2025-01-01 09:00:00|j|1|2025-01-01 09:00:00|1",
		"NULL|2025-01-01 10:05:00|k|NULL|NULL|NULL",
		"2|NULL|l|NULL|NULL|NULL",
	}
	sqltest.SameRows(t, "sessionize", got, want)
	types := sqltest.Rows(t, conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM sessionize(ev, u, ts))`)
	sqltest.SameRows(t, "columns", types, []string{
		"u|INTEGER", "ts|TIMESTAMP", "name|VARCHAR", "session_number|BIGINT", "session_start|TIMESTAMP", "event_in_session|BIGINT",
	})
}

// TestSessionizeGaps: the same events under other gaps. 30 min + 1 us
// merges user 1's and user 2's sessions; a gap of zero makes every
// distinct timestamp a session (the tie c, d and the tie h, i, j still
// share one); a gap given as a string works like the interval.
func TestSessionizeGaps(t *testing.T) {
	conn := handEvents(t)
	q := `SELECT name, session_number, event_in_session FROM sessionize(ev, u, ts, gap := %s) WHERE u IS NOT NULL AND ts IS NOT NULL ORDER BY name`
	for _, c := range []struct {
		gap  string
		want []string
	}{
		{`INTERVAL '30 minutes 0.000001 seconds'`, []string{"a|1|1", "b|1|2", "c|1|3", "d|1|3", "e|1|5", "f|1|1", "g|1|2", "h|1|1", "i|1|1", "j|1|1"}},
		{`INTERVAL 0 SECOND`, []string{"a|1|1", "b|2|1", "c|3|1", "d|3|1", "e|4|1", "f|1|1", "g|2|1", "h|1|1", "i|1|1", "j|1|1"}},
		{`'30 minutes'`, []string{"a|1|1", "b|1|2", "c|2|1", "d|2|1", "e|2|3", "f|1|1", "g|2|1", "h|1|1", "i|1|1", "j|1|1"}},
		{`INTERVAL 1 DAY`, []string{"a|1|1", "b|1|2", "c|1|3", "d|1|3", "e|1|5", "f|1|1", "g|1|2", "h|1|1", "i|1|1", "j|1|1"}},
	} {
		got := sqltest.Rows(t, conn, fmt.Sprintf(q, c.gap))
		sqltest.SameRows(t, "gap "+c.gap, got, c.want)
	}
}

// TestSessionizeOneEventAndEmpty: a single event is session 1, event 1;
// an empty source gives no rows.
func TestSessionizeOneEventAndEmpty(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE one AS SELECT 'x' AS who, TIMESTAMP '2025-06-01 12:00' AS seen`,
		`CREATE TABLE none AS SELECT * FROM one WHERE false`)
	sqltest.SameRows(t, "one event", sqltest.Rows(t, conn, `SELECT * FROM sessionize(one, who, seen)`),
		[]string{"x|2025-06-01 12:00:00|1|2025-06-01 12:00:00|1"})
	sqltest.SameRows(t, "empty", sqltest.Rows(t, conn, `SELECT * FROM sessionize(none, who, seen)`), []string{})
}

// TestSessionizeTimestampTypes: DATE timestamps (a day apart is more than
// 30 minutes; use a gap of a day to join consecutive days), and
// TIMESTAMPTZ across the fall-back change in Europe/Paris, where 02:50
// CEST and 02:10 CET are 20 minutes apart although the wall clock goes
// back (same session), and the user expression may be any expression.
func TestSessionizeTimestampTypes(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE days AS SELECT * FROM (VALUES ('A', DATE '2025-01-01'), ('a', DATE '2025-01-02'), ('A', DATE '2025-01-04')) v(who, d)`)
	got := sqltest.Rows(t, conn, `SELECT who, d, session_number, session_start FROM sessionize(days, lower(who), d) ORDER BY d`)
	sqltest.SameRows(t, "DATE, 30 minutes", got, []string{"A|2025-01-01|1|2025-01-01", "a|2025-01-02|2|2025-01-02", "A|2025-01-04|3|2025-01-04"})
	got = sqltest.Rows(t, conn, `SELECT who, session_number, event_in_session FROM sessionize(days, lower(who), d, gap := INTERVAL 1 DAY) ORDER BY d`)
	sqltest.SameRows(t, "DATE, one day", got, []string{"A|1|1", "a|1|2", "A|2|1"})
	sqltest.Exec(t, conn, `SET TimeZone = 'Europe/Paris'`, `CREATE TABLE tz AS SELECT * FROM (VALUES
		(1, TIMESTAMPTZ '2025-10-26 02:50:00+02'), (1, TIMESTAMPTZ '2025-10-26 02:10:00+01'), (1, TIMESTAMPTZ '2025-10-26 03:00:00+01')) v(u, ts)`)
	got = sqltest.Rows(t, conn, `SELECT strftime(ts AT TIME ZONE 'UTC', '%H:%M'), session_number, event_in_session FROM sessionize(tz, u, ts) ORDER BY ts`)
	sqltest.SameRows(t, "TIMESTAMPTZ", got, []string{"00:50|1|1", "01:10|1|2", "02:00|2|1"})
}

// TestSourceForms: the source may be a CTE or a quoted name, and user any
// expression (here a VARCHAR).
func TestSourceForms(t *testing.T) {
	conn := handEvents(t)
	got := sqltest.Rows(t, conn, `WITH x AS (SELECT * FROM ev WHERE u = 1)
		SELECT name, session_number FROM sessionize(x, 'user-' || u, ts) ORDER BY name`)
	sqltest.SameRows(t, "CTE", got, []string{"a|1", "b|1", "c|2", "d|2", "e|2"})
	got = sqltest.Rows(t, conn, `WITH x AS (SELECT * FROM ev WHERE u = 1)
		SELECT "user", session_number, events FROM sessions(x, 'user-' || u, ts)`)
	sqltest.SameRows(t, "CTE summary", got, []string{"user-1|1|2", "user-1|2|3"})
	got = sqltest.Rows(t, conn, `SELECT count(*), count(session_number) FROM sessionize('ev', u, ts)`)
	sqltest.SameRows(t, "quoted name", got, []string{"12|10"})
}
