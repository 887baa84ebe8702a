package cohort

import "testing"

// gapLog has two users and two weeks in which nobody is active (weeks
// from Monday 2025-03-03 = W0):
//
//	p  Mon 03-03, Mon 03-24  (W0, W3)
//	q  Tue 03-04             (W0)
const gapLog = `CREATE TABLE gap AS SELECT * FROM (VALUES
	('p', TIMESTAMP '2025-03-03 10:00'), ('p', TIMESTAMP '2025-03-24 10:00'), ('q', TIMESTAMP '2025-03-04 10:00')
	) t(uid, ts)`

// TestLifecycleMonthly checks lifecycle on shopLog, by hand. Active
// months: u1 Jan Feb Apr, u2 Jan Feb, u3 Jan Feb Mar May, u4 Mar, u5 May,
// u6 Feb Mar, u7 Jan (the NULL user and the NULL ts are ignored).
func TestLifecycleMonthly(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog, `SET TimeZone = 'UTC'`)
	// Jan (the first period): u1 u2 u3 u7 new; nothing else is possible.
	// Feb: u6 new; u1 u2 u3 returning; u7 dormant (Jan, not Feb).
	// Mar: u4 new; u3 u6 returning; u1 u2 dormant.
	// Apr: u1 resurrecting (Feb, not Mar); u3 u4 u6 dormant.
	// May (the last period): u5 new; u3 resurrecting; u1 dormant. u2 was
	// dormant in March only, not again in April or May.
	monthly := []statuses{
		{"2025-01-01", 4, 0, 0, 0},
		{"2025-02-01", 1, 3, 0, 1},
		{"2025-03-01", 1, 2, 0, 2},
		{"2025-04-01", 0, 0, 1, 3},
		{"2025-05-01", 1, 0, 1, 1},
	}
	sameStatuses(t, "monthly", lifecycleRows(t, conn, `lifecycle(shop, uid, ts, period := 'month')`), monthly)
	sameStatuses(t, "monthly, DATE ts", lifecycleRows(t, conn, `lifecycle('shop', uid, ts::DATE, period := 'month')`), monthly)
	sameStatuses(t, "monthly, TIMESTAMPTZ ts", lifecycleRows(t, conn, `lifecycle(shop, uid, ts::TIMESTAMPTZ, period := 'month')`), monthly)
	// Quarters: Q1 everyone but u5 is new; Q2 u5 new, u1 u3 returning,
	// u2 u4 u6 u7 dormant.
	sameStatuses(t, "quarterly", lifecycleRows(t, conn, `lifecycle(shop, uid, ts, period := 'quarter')`),
		[]statuses{{"2025-01-01", 6, 0, 0, 0}, {"2025-04-01", 1, 2, 0, 4}})
	sameStatuses(t, "yearly", lifecycleRows(t, conn, `lifecycle(shop, uid, ts, period := 'year')`),
		[]statuses{{"2025-01-01", 7, 0, 0, 0}})
}

// TestLifecycleShortPeriods checks week (the default), day and hour
// periods, and periods in which nobody is active.
func TestLifecycleShortPeriods(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, weekLog, gapLog)
	// weekLog: x W0 W1 W3, y W1 W2, z W3.
	// W0: x new. W1: y new, x returning. W2: y returning, x dormant.
	// W3: z new, x resurrecting, y dormant.
	sameStatuses(t, "weekly", lifecycleRows(t, conn, `lifecycle(wk, uid, ts)`),
		[]statuses{{"2024-12-30", 1, 0, 0, 0}, {"2025-01-06", 1, 1, 0, 0}, {"2025-01-13", 0, 1, 0, 1}, {"2025-01-20", 1, 0, 1, 1}})
	// gapLog: W0 p q new; W1 nobody active, p q dormant; W2 all zero but
	// present; W3 p resurrecting (q stays gone, counted dormant only once).
	sameStatuses(t, "weeks without activity", lifecycleRows(t, conn, `lifecycle(gap, uid, ts, period := 'week')`),
		[]statuses{{"2025-03-03", 2, 0, 0, 0}, {"2025-03-10", 0, 0, 0, 2}, {"2025-03-17", 0, 0, 0, 0}, {"2025-03-24", 0, 0, 1, 0}})
	// gapLog by day: 22 days from 03-03 to 03-24. 03-03 p new; 03-04 q
	// new, p dormant; 03-05 q dormant; then nothing until 03-24, p
	// resurrecting.
	days := lifecycleRows(t, conn, `lifecycle(gap, uid, ts, period := 'day')`)
	if len(days) != 22 {
		t.Fatalf("daily: %d periods, want 22: %v", len(days), days)
	}
	want := map[int]statuses{
		0:  {"2025-03-03", 1, 0, 0, 0},
		1:  {"2025-03-04", 1, 0, 0, 1},
		2:  {"2025-03-05", 0, 0, 0, 1},
		21: {"2025-03-24", 0, 0, 1, 0},
	}
	for i, d := range days {
		w, ok := want[i]
		if !ok {
			w = statuses{period: d.period}
		}
		if d != w {
			t.Errorf("daily, day %d: %v, want %v", i, d, w)
		}
	}
	if days[10].period != "2025-03-13" {
		t.Errorf("daily: day 10 is %s, want 2025-03-13", days[10].period)
	}
	// weekLog by hour, labelled with a TIMESTAMP: x new at Sun 23:00,
	// dormant at 00:00, resurrecting at 01:00 and dormant again at 02:00;
	// the last period is 01-22 10:00, when x comes back once more.
	hours := lifecycleRows(t, conn, `lifecycle(wk, uid, ts, period := 'hour')`)
	if n := len(hours); n != 16*24+12 {
		t.Fatalf("hourly: %d periods, want %d", n, 16*24+12)
	}
	sameStatuses(t, "hourly, first hours", hours[:4], []statuses{
		{"2025-01-05 23:00:00", 1, 0, 0, 0}, {"2025-01-06 00:00:00", 0, 0, 0, 1},
		{"2025-01-06 01:00:00", 0, 0, 1, 0}, {"2025-01-06 02:00:00", 0, 0, 0, 1},
	})
	sameStatuses(t, "hourly, last hour", hours[len(hours)-1:], []statuses{{"2025-01-22 10:00:00", 0, 0, 1, 0}})
}

// TestLifecycleEdges: one user, an empty source.
func TestLifecycleEdges(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, weekLog, `CREATE VIEW only_y AS SELECT * FROM wk WHERE uid = 'y'`,
		`CREATE VIEW nothing AS SELECT * FROM wk WHERE false`)
	// y alone: W1 new, W2 returning (its first and last periods; no
	// dormant after the data ends).
	sameStatuses(t, "single user", lifecycleRows(t, conn, `lifecycle(only_y, uid, ts)`),
		[]statuses{{"2025-01-06", 1, 0, 0, 0}, {"2025-01-13", 0, 1, 0, 0}})
	if got := lifecycleRows(t, conn, `lifecycle(nothing, uid, ts)`); len(got) != 0 {
		t.Errorf("empty source: %v", got)
	}
}
