package retention

import (
	"database/sql"
	"testing"
)

// dailyLog is a hand-made event log over ten days, 2025-03-03 (a Monday,
// day 0) to 2025-03-12 (day 9):
//
//	user  signup      login        buy   all active days
//	1     d0          d1 d2 d7     d3    0 1 2 3 7
//	2     d0 d4       d2 d8              0 2 4 8
//	3     d1          d1           d4    1 4
//	4     d3                             3
//	5     d5          d6 d9              5 6 9
//	6     d8          d9                 8 9
//	7                 d2 d4              2 4
//	8     d9                             9
//
// plus rows that must be ignored: a NULL user on day 11 (it would move the
// last period) and user 1 with a NULL ts. The last period is day 9: it is
// incomplete, so offset k of cohort c counts only when c + k <= 8.
const dailyLog = `CREATE TABLE log AS SELECT uid, TIMESTAMP '2025-03-03' + INTERVAL (d) DAY + INTERVAL (h) HOUR AS ts, event FROM (VALUES
	(1, 0, 9, 'signup'), (1, 1, 8, 'login'), (1, 2, 23, 'login'), (1, 3, 12, 'buy'), (1, 7, 0, 'login'),
	(2, 0, 22, 'signup'), (2, 2, 7, 'login'), (2, 4, 6, 'signup'), (2, 8, 18, 'login'),
	(3, 1, 10, 'signup'), (3, 1, 11, 'login'), (3, 4, 15, 'buy'),
	(4, 3, 9, 'signup'),
	(5, 5, 9, 'signup'), (5, 6, 9, 'login'), (5, 9, 9, 'login'),
	(6, 8, 20, 'signup'), (6, 9, 1, 'login'),
	(7, 2, 13, 'login'), (7, 4, 14, 'login'),
	(8, 9, 12, 'signup'),
	(NULL, 11, 0, 'login')
	) t(uid, d, h, event)
	UNION ALL SELECT 1, NULL, 'login'`

// TestReportDaily checks the daily report on dailyLog against tables
// worked out by hand in the comments.
func TestReportDaily(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, dailyLog)
	cases := []struct {
		name, query string
		want        []row
	}{{
		// Defaults: every row starts and returns; first_time cohorts are the
		// first active days: u1 0, u2 0, u3 1, u4 3, u5 5, u6 8, u7 2 (u8 on
		// day 9 is left out). A member of cohort c sees offsets 0..8-c.
		// k=0: all 7, each active on its cohort day.
		// k=1: u1 u2 u3 u4 u5 u7 (u6 has no day 9 yet); active on c+1: u1 (d1), u5 (d6).
		// k=2: same six; u1 (d2), u2 (d2), u7 (d4).
		// k=3: same six (u5 sees up to 3); u1 (d3), u3 (d4).
		// k=4: u1 u2 u3 u4 u7; u2 (d4).  k=5: same five; nobody.
		// k=6: u1 u2 u3 u7; nobody.      k=7: u1 u2 u3; u1 (d7).
		"defaults",
		`SELECT * FROM retention(log, uid, ts)`,
		[]row{{0, 7, 7}, {1, 6, 2}, {2, 6, 3}, {3, 6, 2}, {4, 5, 1}, {5, 5, 0}, {6, 4, 0}, {7, 3, 1}},
	}, {
		// Cohorts by first signup: u1 0, u2 0, u3 1, u4 3, u5 5, u6 8 (u8 on
		// day 9 is out); logins: u1 {1,2,7}, u2 {2,8}, u3 {1}, u5 {6,9}, u6 {9}.
		// k=0: six members; u3 logs in on its signup day.
		// k=1: u1..u5; u1 (d1), u5 (d6).   k=2: u1..u5; u1 (d2), u2 (d2).
		// k=3: u1..u5 (u5 sees 0..3); none.  k=4, 5: u1..u4; none.
		// k=6: u1 u2 u3; none.  k=7: u1 u2 u3; u1 (d7).  k=8: u1 u2; u2 (d8).
		// k=9, 10: nobody has observed them: 0, 0, NULL rate.
		"signup then login",
		`SELECT * FROM retention(log, uid, ts, start_event := event = 'signup', return_event := event = 'login', periods := 10)`,
		[]row{{0, 6, 1}, {1, 5, 2}, {2, 5, 2}, {3, 5, 0}, {4, 4, 0}, {5, 4, 0}, {6, 3, 0}, {7, 3, 1}, {8, 2, 1}, {9, 0, 0}, {10, 0, 0}},
	}, {
		// The same, cumulative: retained at k when the last login is on or
		// after c+k, the incomplete day 9 included. Last logins: u1 7, u2 8,
		// u3 1, u5 9, u6 9 (u4 none).
		// k=0: u1 u2 u3 u5 u6 (5 of 6).  k=1..3: u1 u2 u5 (of u1..u5).
		// k=4, 5: u1 u2 (of u1..u4).  k=6, 7: u1 u2 (of u1 u2 u3).  k=8: u2 (of u1 u2).
		"signup then login, cumulative",
		`SELECT * FROM retention(log, uid, ts, start_event := event = 'signup', return_event := event = 'login', periods := 9, cumulative := true)`,
		[]row{{0, 6, 5}, {1, 5, 3}, {2, 5, 3}, {3, 5, 3}, {4, 4, 2}, {5, 4, 2}, {6, 3, 2}, {7, 3, 2}, {8, 2, 1}, {9, 0, 0}},
	}, {
		// Recurring: one member per (user, signup day): (u1,0) (u2,0) (u2,4)
		// (u3,1) (u4,3) (u5,5) (u6,8); (u8,9) is out. Seen offsets: 8-c.
		// k=0: 7 members; (u3,1) logs in on day 1.
		// k=1: all but (u6,8); (u1,0) on d1, (u5,5) on d6.
		// k=2: the same six; (u1,0) on d2, (u2,0) on d2.
		// k=3: the same six ((u5,5) sees 0..3); nobody on c+3.
		"recurring",
		`SELECT * FROM retention(log, uid, ts, start_event := event = 'signup', return_event := event = 'login', periods := 3, kind := 'recurring')`,
		[]row{{0, 7, 1}, {1, 6, 2}, {2, 6, 2}, {3, 6, 0}},
	}, {
		// Recurring and cumulative; last logins as above.
		// k=0: all but (u4,3): 6 of 7 ((u2,4): 8 >= 4; (u6,8): 9 >= 8).
		// k=1..3: (u1,0) (u2,0) (u2,4) (u5,5); (u3,1) last logged in on day 1.
		"recurring, cumulative",
		`SELECT * FROM retention(log, uid, ts, start_event := event = 'signup', return_event := event = 'login', periods := 3, kind := 'recurring', cumulative := true)`,
		[]row{{0, 7, 6}, {1, 6, 4}, {2, 6, 4}, {3, 6, 4}},
	}, {
		// Only the start event filtered: buyers u1 (first buy d3) and u3
		// (d4), returning with any event. Seen offsets: u1 0..5, u3 0..4.
		// k=0: both.  k=1..3: nobody (u1 d4 d5 d6, u3 d5 d6 d7 are empty).
		// k=4: u1 on d7.  k=5: u1 only, d8 empty.
		"start event only",
		`SELECT * FROM retention(log, uid, ts, start_event := event = 'buy', periods := 5)`,
		[]row{{0, 2, 2}, {1, 2, 0}, {2, 2, 0}, {3, 2, 0}, {4, 2, 1}, {5, 1, 0}},
	}, {
		// Only the return event filtered: cohorts by first activity (as in
		// "defaults"), returning with a buy: u1 bought on d3 (c+3), u3 on d4
		// (c+3).
		"return event only",
		`SELECT * FROM retention(log, uid, ts, return_event := event = 'buy', periods := 4)`,
		[]row{{0, 7, 0}, {1, 6, 0}, {2, 6, 0}, {3, 6, 2}, {4, 5, 0}},
	}, {
		// periods := 0: offset 0 alone.
		"periods 0",
		`SELECT * FROM retention(log, uid, ts, periods := 0)`,
		[]row{{0, 7, 7}},
	}, {
		// NULL conditions count as false: the same as "signup then login".
		"NULL conditions",
		`SELECT * FROM retention(log, uid, ts, start_event := CASE WHEN event = 'signup' THEN true END,
			return_event := CASE WHEN event = 'login' THEN true END, periods := 3)`,
		[]row{{0, 6, 1}, {1, 5, 2}, {2, 5, 2}, {3, 5, 0}},
	}, {
		// The source as a quoted name, and the ts as a DATE: the same days.
		"quoted source, DATE ts",
		`SELECT * FROM retention('log', uid, ts::DATE)`,
		[]row{{0, 7, 7}, {1, 6, 2}, {2, 6, 3}, {3, 6, 2}, {4, 5, 1}, {5, 5, 0}, {6, 4, 0}, {7, 3, 1}},
	}, {
		// TIMESTAMPTZ in a UTC session: the same days.
		"TIMESTAMPTZ ts",
		`SELECT * FROM retention(log, uid, ts::TIMESTAMPTZ)`,
		[]row{{0, 7, 7}, {1, 6, 2}, {2, 6, 3}, {3, 6, 2}, {4, 5, 1}, {5, 5, 0}, {6, 4, 0}, {7, 3, 1}},
	}}
	exec(t, conn, `SET TimeZone = 'UTC'`)
	for _, c := range cases {
		sameRows(t, c.name, table(t, conn, c.query), c.want)
	}
}

// TestReportSingleUserAndEmpty: one user, an empty source, and a source
// whose every row falls in the last period.
func TestReportSingleUserAndEmpty(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, dailyLog)
	// User 2 alone: active days 0 2 4 8, last day 8, so offsets 0..7 seen;
	// retained on 0, 2, 4.
	exec(t, conn, `CREATE VIEW user2 AS SELECT * FROM log WHERE uid = 2`,
		`CREATE VIEW day9 AS SELECT * FROM log WHERE ts >= TIMESTAMP '2025-03-12'`)
	sameRows(t, "user 2 alone",
		table(t, conn, `SELECT * FROM retention(user2, uid, ts)`),
		[]row{{0, 1, 1}, {1, 1, 0}, {2, 1, 1}, {3, 1, 0}, {4, 1, 1}, {5, 1, 0}, {6, 1, 0}, {7, 1, 0}})
	// No rows: every offset is there, with no cohort.
	exec(t, conn, `CREATE VIEW nothing AS SELECT * FROM log WHERE false`)
	sameRows(t, "empty source",
		table(t, conn, `SELECT * FROM retention(nothing, uid, ts, periods := 2)`),
		[]row{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}})
	// Only day 9 (the last period): no cohort is observed, even at offset 0.
	sameRows(t, "last period only",
		table(t, conn, `SELECT * FROM retention(day9, uid, ts, periods := 1)`),
		[]row{{0, 0, 0}, {1, 0, 0}})
}

// TestReportFunctionsOfSameName: the aggregate and the table macro share
// the name retention and work in one query.
func TestReportFunctionsOfSameName(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, dailyLog)
	got := strings1(t, conn, `
		SELECT (SELECT sum(retained_users) FROM retention(log, uid, ts)) || ',' ||
		       (SELECT sum(r[2]) FROM (SELECT retention([event = 'signup', event = 'login']) AS r FROM log GROUP BY uid))`)
	// Table: 7+2+3+2+1+0+0+1 = 16. Aggregate: users with a signup and a
	// login somewhere: u1, u2, u3, u5, u6 = 5.
	if len(got) != 1 || got[0] != "16,5" {
		t.Errorf("got %v, want 16,5", got)
	}
}

// longLog spans January to April 2025, for week, month, quarter and year
// periods:
//
//	user  timestamps                                  weeks (from Mon 2025-01-06 = 0)
//	a     Mon 01-06, Wed 01-15, Thu 02-20, Mon 03-03  0 1 6 8
//	b     Fri 01-31 23:59, Sat 02-01 00:00, Mon 03-31 3 3 12
//	c     Mon 02-10, Tue 02-11                        5 5
//	d     Wed 03-05                                   8
//	e     Wed 04-02 (the last row)                    12
const longLog = `CREATE TABLE long AS SELECT * FROM (VALUES
	('a', TIMESTAMP '2025-01-06 08:00'), ('a', TIMESTAMP '2025-01-15 12:00'), ('a', TIMESTAMP '2025-02-20 12:00'), ('a', TIMESTAMP '2025-03-03 00:00'),
	('b', TIMESTAMP '2025-01-31 23:59'), ('b', TIMESTAMP '2025-02-01 00:00'), ('b', TIMESTAMP '2025-03-31 10:00'),
	('c', TIMESTAMP '2025-02-10 10:00'), ('c', TIMESTAMP '2025-02-11 10:00'),
	('d', TIMESTAMP '2025-03-05 10:00'),
	('e', TIMESTAMP '2025-04-02 10:00')
	) t(uid, ts)`

// TestReportPeriods checks week, month, quarter, year and hour periods.
func TestReportPeriods(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, longLog, `CREATE TABLE hours AS SELECT * FROM (VALUES
		('x', TIMESTAMP '2025-05-01 10:05'), ('x', TIMESTAMP '2025-05-01 11:30'), ('x', TIMESTAMP '2025-05-01 13:00'),
		('y', TIMESTAMP '2025-05-01 10:59'), ('y', TIMESTAMP '2025-05-01 12:10'), ('z', TIMESTAMP '2025-05-01 14:00')) t(uid, ts)`)
	cases := []struct {
		name, query string
		want        []row
	}{{
		// Weeks start on Monday: b's Friday and Saturday are one week. Last
		// week 12 (e, b's 03-31). First weeks a 0, b 3, c 5, d 8; seen
		// offsets 11-c: a 11, b 8, c 6, d 3.
		// k=0: 4 of 4.  k=1: a (week 1).  k=2, 3: nobody (a 2 3, b 5 6, c 7 8, d 10 11).
		"week",
		`SELECT * FROM retention(long, uid, ts, period := 'week', periods := 3)`,
		[]row{{0, 4, 4}, {1, 4, 1}, {2, 4, 0}, {3, 4, 0}},
	}, {
		// Cumulative weeks; last weeks a 8, b 12, c 5, d 8.
		// k=1..3: a and b (c's last week is 5 < 6, d's 8 < 9).
		"week, cumulative",
		`SELECT * FROM retention(long, uid, ts, period := 'week', periods := 3, cumulative := true)`,
		[]row{{0, 4, 4}, {1, 4, 2}, {2, 4, 2}, {3, 4, 2}},
	}, {
		// Months Jan 0 .. Apr 3 (last). a {0,1,2}, b {0,1,2} (the Feb 1
		// midnight row is February), c {1}, d {2}; seen offsets 2-c.
		// k=0: 4 of 4.  k=1: a b c (d sees offset 0 only); a and b active
		// in February, c not in March: 2 of 3.  k=2: a b, both active in
		// March: 2 of 2.  k=3: nobody has seen it.
		"month",
		`SELECT * FROM retention(long, uid, ts, period := 'month', periods := 3)`,
		[]row{{0, 4, 4}, {1, 3, 2}, {2, 2, 2}, {3, 0, 0}},
	}, {
		// Quarters: Q1 = 0, Q2 = 1 (last, e alone). a b c d start in Q1.
		"quarter",
		`SELECT * FROM retention(long, uid, ts, period := 'quarter', periods := 1)`,
		[]row{{0, 4, 4}, {1, 0, 0}},
	}, {
		// Years: everything is in 2025, the last (incomplete) period.
		"year",
		`SELECT * FROM retention(long, uid, ts, period := 'year', periods := 1)`,
		[]row{{0, 0, 0}, {1, 0, 0}},
	}, {
		// Hours on one day: x at 10:05, 11:30, 13:00; y at 10:59, 12:10; z
		// at 14:00 (last hour 4). x {0,1,3}, y {0,2}; both see 0..3.
		// k=1: x.  k=2: y.  k=3: x.
		"hour",
		`SELECT * FROM retention(hours, uid, ts, period := 'hour', periods := 3)`,
		[]row{{0, 2, 2}, {1, 2, 1}, {2, 2, 1}, {3, 2, 1}},
	}}
	for _, c := range cases {
		sameRows(t, c.name, table(t, conn, c.query), c.want)
	}
}

// TestReportColumnTypes checks the result columns' names and types.
func TestReportColumnTypes(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, longLog)
	got := strings1(t, conn, `SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM retention(long, uid, ts))`)
	want := []string{"period_offset BIGINT", "cohort_users BIGINT", "retained_users BIGINT", "retention_rate DOUBLE"}
	if len(got) != len(want) {
		t.Fatalf("columns %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d: %s, want %s", i, got[i], want[i])
		}
	}
	var rate sql.NullFloat64
	if err := conn.QueryRowContext(t.Context(), `SELECT retention_rate FROM retention(long, uid, ts, period := 'month') WHERE period_offset = 1`).Scan(&rate); err != nil || !rate.Valid || rate.Float64 != 2.0/3 {
		t.Errorf("month offset 1 rate %v (%v), want 2/3", rate, err)
	}
}

// TestReportTimeZone: a TIMESTAMPTZ is bucketed by its wall-clock time in
// the session's TimeZone. User a is active at 02:00 and 15:00 UTC on
// 2025-03-04; user b at noon UTC on 2025-03-05 (the last day).
func TestReportTimeZone(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE tz AS SELECT * FROM (VALUES
		('a', TIMESTAMPTZ '2025-03-04 02:00:00+00'), ('a', TIMESTAMPTZ '2025-03-04 15:00:00+00'),
		('b', TIMESTAMPTZ '2025-03-05 12:00:00+00')) t(uid, ts)`)
	// In UTC both of a's rows are on 03-04: offset 1 is 03-05, the last day.
	exec(t, conn, `SET TimeZone = 'UTC'`)
	sameRows(t, "UTC", table(t, conn, `SELECT * FROM retention(tz, uid, ts, periods := 1)`), []row{{0, 1, 1}, {1, 0, 0}})
	// In New York 02:00 UTC is 21:00 on 03-03: a starts on 03-03 and
	// returns on 03-04, before the last day (03-05, 07:00 local).
	exec(t, conn, `SET TimeZone = 'America/New_York'`)
	sameRows(t, "New York", table(t, conn, `SELECT * FROM retention(tz, uid, ts, periods := 1)`), []row{{0, 1, 1}, {1, 1, 1}})
}
