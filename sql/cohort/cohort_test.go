package cohort

import "testing"

// shopLog is a hand-made event log over January to May 2025:
//
//	user  rows (day: event [amount])                       active months
//	u1    01-03 signup, 01-10 purchase 20.00,              Jan Feb Apr
//	      02-14 purchase 15.50, 04-02 visit
//	u2    01-31 23:59:59 signup, 02-01 00:00 purchase 30.00 Jan Feb
//	u3    01-15 visit, 02-03 signup, 03-05 purchase 12.25,  Jan Feb Mar May
//	      05-20 purchase 8.00
//	u4    03-10 10:00 signup, 03-10 10:05 purchase 50.00    Mar
//	u5    05-02 signup                                      May
//	u6    02-10 visit, 03-10 visit (never signs up)         Feb Mar
//	u7    01-20 signup (active in its first month only)     Jan
//
// plus rows that must be ignored: a purchase by a NULL user on 06-15 (it
// would make June the last period) and a visit of u1 with a NULL ts. The
// last period of the data is May.
const shopLog = `CREATE TABLE shop AS SELECT uid, ts, event, amount::DECIMAL(10,2) AS amount FROM (VALUES
	('u1', TIMESTAMP '2025-01-03 09:00', 'signup', NULL), ('u1', TIMESTAMP '2025-01-10 12:00', 'purchase', 20.00),
	('u1', TIMESTAMP '2025-02-14 18:00', 'purchase', 15.50), ('u1', TIMESTAMP '2025-04-02 08:00', 'visit', NULL),
	('u2', TIMESTAMP '2025-01-31 23:59:59', 'signup', NULL), ('u2', TIMESTAMP '2025-02-01 00:00:00', 'purchase', 30.00),
	('u3', TIMESTAMP '2025-01-15 11:00', 'visit', NULL), ('u3', TIMESTAMP '2025-02-03 10:00', 'signup', NULL),
	('u3', TIMESTAMP '2025-03-05 16:00', 'purchase', 12.25), ('u3', TIMESTAMP '2025-05-20 13:00', 'purchase', 8.00),
	('u4', TIMESTAMP '2025-03-10 10:00', 'signup', NULL), ('u4', TIMESTAMP '2025-03-10 10:05', 'purchase', 50.00),
	('u5', TIMESTAMP '2025-05-02 09:00', 'signup', NULL),
	('u6', TIMESTAMP '2025-02-10 10:00', 'visit', NULL), ('u6', TIMESTAMP '2025-03-10 10:00', 'visit', NULL),
	('u7', TIMESTAMP '2025-01-20 10:00', 'signup', NULL),
	(NULL, TIMESTAMP '2025-06-15 10:00', 'purchase', 99.00),
	('u1', NULL, 'visit', NULL)
	) t(uid, ts, event, amount)`

// weekLog is a smaller log for week, day and hour periods (weeks start on
// Monday: W0 2024-12-30, W1 2025-01-06, W2 01-13, W3 01-20):
//
//	user  rows                                           weeks
//	x     Sun 01-05 23:00, Mon 01-06 01:00, Wed 01-22 10:00  W0 W1 W3
//	y     Tue 01-07 09:00, Fri 01-17 15:00                   W1 W2
//	z     Mon 01-20 12:00                                    W3
//
// The last row is x's on 01-22 10:00.
const weekLog = `CREATE TABLE wk AS SELECT * FROM (VALUES
	('x', TIMESTAMP '2025-01-05 23:00'), ('x', TIMESTAMP '2025-01-06 01:00'), ('x', TIMESTAMP '2025-01-22 10:00'),
	('y', TIMESTAMP '2025-01-07 09:00'), ('y', TIMESTAMP '2025-01-17 15:00'),
	('z', TIMESTAMP '2025-01-20 12:00')
	) t(uid, ts)`

// TestCohortMonthly checks monthly tables of shopLog, worked out by hand
// in the comments.
func TestCohortMonthly(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog, `SET TimeZone = 'UTC'`)
	// Defaults (every row starts and returns): cohorts by first month,
	// Jan {u1 u2 u3 u7}, Feb {u6}, Mar {u4}, May {u5}; nobody started in
	// April, so there is no April cohort. Cells stop at May, the last
	// period, whatever periods (12) allows: Jan has offsets 0..4, Feb
	// 0..3, Mar 0..2, May 0.
	// Jan: k0 all 4; k1 Feb u1 u2 u3; k2 Mar u3; k3 Apr u1; k4 May u3.
	// Feb: u6 in Feb and Mar, not Apr or May (present, with 0).
	// Mar: u4 in Mar only.
	defaults := []cell{
		noRev("2025-01-01", 4, 0, 4), noRev("2025-01-01", 4, 1, 3), noRev("2025-01-01", 4, 2, 1),
		noRev("2025-01-01", 4, 3, 1), noRev("2025-01-01", 4, 4, 1),
		noRev("2025-02-01", 1, 0, 1), noRev("2025-02-01", 1, 1, 1), noRev("2025-02-01", 1, 2, 0), noRev("2025-02-01", 1, 3, 0),
		noRev("2025-03-01", 1, 0, 1), noRev("2025-03-01", 1, 1, 0), noRev("2025-03-01", 1, 2, 0),
		noRev("2025-05-01", 1, 0, 1),
	}
	cases := []struct {
		name, from string
		want       []cell
	}{{
		"defaults", `cohort(shop, uid, ts)`, defaults,
	}, {
		"quoted source, DATE ts", `cohort('shop', uid, ts::DATE)`, defaults,
	}, {
		"TIMESTAMPTZ ts", `cohort(shop, uid, ts::TIMESTAMPTZ)`, defaults,
	}, {
		// periods caps the offsets: Jan 0..1, Feb 0..1, Mar 0..1, May 0
		// (May + 1 is after the data).
		"periods 1", `cohort(shop, uid, ts, periods := 1)`,
		[]cell{
			noRev("2025-01-01", 4, 0, 4), noRev("2025-01-01", 4, 1, 3),
			noRev("2025-02-01", 1, 0, 1), noRev("2025-02-01", 1, 1, 1),
			noRev("2025-03-01", 1, 0, 1), noRev("2025-03-01", 1, 1, 0),
			noRev("2025-05-01", 1, 0, 1),
		},
	}, {
		"periods 0", `cohort(shop, uid, ts, periods := 0)`,
		[]cell{noRev("2025-01-01", 4, 0, 4), noRev("2025-02-01", 1, 0, 1), noRev("2025-03-01", 1, 0, 1), noRev("2025-05-01", 1, 0, 1)},
	}, {
		// Cohorts by first purchase: Jan {u1}, Feb {u2}, Mar {u3 u4}; u5, u6
		// and u7 never buy. u3's January and February rows come before its
		// cohort and are ignored. Returning with any row:
		// Jan u1: Jan Feb, not Mar, Apr (visit), not May.
		// Feb u2: Feb only.  Mar: both in Mar, nobody in Apr, u3 in May.
		"start event only", `cohort(shop, uid, ts, start_event := event = 'purchase')`,
		[]cell{
			noRev("2025-01-01", 1, 0, 1), noRev("2025-01-01", 1, 1, 1), noRev("2025-01-01", 1, 2, 0),
			noRev("2025-01-01", 1, 3, 1), noRev("2025-01-01", 1, 4, 0),
			noRev("2025-02-01", 1, 0, 1), noRev("2025-02-01", 1, 1, 0), noRev("2025-02-01", 1, 2, 0), noRev("2025-02-01", 1, 3, 0),
			noRev("2025-03-01", 2, 0, 2), noRev("2025-03-01", 2, 1, 0), noRev("2025-03-01", 2, 2, 1),
		},
	}, {
		// Cohorts as in defaults, returning with a purchase:
		// Jan: k0 u1; k1 u1 u2; k2 u3; k3 nobody; k4 u3.
		// Feb u6 never buys; Mar u4 buys in Mar; May u5 never buys.
		"return event only", `cohort(shop, uid, ts, return_event := event = 'purchase')`,
		[]cell{
			noRev("2025-01-01", 4, 0, 1), noRev("2025-01-01", 4, 1, 2), noRev("2025-01-01", 4, 2, 1),
			noRev("2025-01-01", 4, 3, 0), noRev("2025-01-01", 4, 4, 1),
			noRev("2025-02-01", 1, 0, 0), noRev("2025-02-01", 1, 1, 0), noRev("2025-02-01", 1, 2, 0), noRev("2025-02-01", 1, 3, 0),
			noRev("2025-03-01", 1, 0, 1), noRev("2025-03-01", 1, 1, 0), noRev("2025-03-01", 1, 2, 0),
			noRev("2025-05-01", 1, 0, 0),
		},
	}, {
		// NULL conditions count as false: the same as "return event only".
		"NULL return event", `cohort(shop, uid, ts, return_event := CASE WHEN event = 'purchase' THEN true END, periods := 1)`,
		[]cell{
			noRev("2025-01-01", 4, 0, 1), noRev("2025-01-01", 4, 1, 2),
			noRev("2025-02-01", 1, 0, 0), noRev("2025-02-01", 1, 1, 0),
			noRev("2025-03-01", 1, 0, 1), noRev("2025-03-01", 1, 1, 0),
			noRev("2025-05-01", 1, 0, 0),
		},
	}, {
		// Quarters: Q1 {u1 u2 u3 u4 u6 u7}, Q2 {u5}; in Q2 u1 (Apr) and
		// u3 (May) come back. Q2 is the last period.
		"quarter", `cohort(shop, uid, ts, period := 'quarter')`,
		[]cell{noRev("2025-01-01", 6, 0, 6), noRev("2025-01-01", 6, 1, 2), noRev("2025-04-01", 1, 0, 1)},
	}, {
		"year", `cohort(shop, uid, ts, period := 'year', periods := 3)`,
		[]cell{noRev("2025-01-01", 7, 0, 7)},
	}}
	for _, c := range cases {
		sameCells(t, c.name, cohortCells(t, conn, c.from), c.want)
	}
}

// TestCohortRevenue checks the revenue columns on shopLog.
func TestCohortRevenue(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog)
	cases := []struct {
		name, from string
		want       []cell
	}{{
		// Cohorts by signup: Jan {u1 u2 u7} (3), Feb {u3}, Mar {u4}, May {u5}.
		// Jan: k0 u1 buys 20.00 (20/3 = 6.6667 per user); k1 u1 15.50 and
		// u2 30.00 = 45.50 (65.50/3 = 21.8333); k2..k4 nothing.
		// Feb u3: k0 signs up only; k1 12.25; k2 nothing; k3 8.00 (20.25).
		// Mar u4: 50.00 in its first month. May u5: nothing.
		"signup, purchase, amount", `cohort(shop, uid, ts, amount := amount, start_event := event = 'signup', return_event := event = 'purchase')`,
		[]cell{
			withRev("2025-01-01", 3, 0, 1, "20.00", 6.6667), withRev("2025-01-01", 3, 1, 2, "45.50", 21.8333),
			withRev("2025-01-01", 3, 2, 0, "0.00", 21.8333), withRev("2025-01-01", 3, 3, 0, "0.00", 21.8333),
			withRev("2025-01-01", 3, 4, 0, "0.00", 21.8333),
			withRev("2025-02-01", 1, 0, 0, "0.00", 0), withRev("2025-02-01", 1, 1, 1, "12.25", 12.25),
			withRev("2025-02-01", 1, 2, 0, "0.00", 12.25), withRev("2025-02-01", 1, 3, 1, "8.00", 20.25),
			withRev("2025-03-01", 1, 0, 1, "50.00", 50), withRev("2025-03-01", 1, 1, 0, "0.00", 50), withRev("2025-03-01", 1, 2, 0, "0.00", 50),
			withRev("2025-05-01", 1, 0, 0, "0.00", 0),
		},
	}, {
		// Revenue does not follow return_event: returning with a visit,
		// active_users counts visits (u1 in April; u3's January visit is
		// before its cohort) while revenue still sums the purchases.
		"revenue apart from return event", `cohort(shop, uid, ts, periods := 3, amount := amount, start_event := event = 'signup', return_event := event = 'visit')`,
		[]cell{
			withRev("2025-01-01", 3, 0, 0, "20.00", 6.6667), withRev("2025-01-01", 3, 1, 0, "45.50", 21.8333),
			withRev("2025-01-01", 3, 2, 0, "0.00", 21.8333), withRev("2025-01-01", 3, 3, 1, "0.00", 21.8333),
			withRev("2025-02-01", 1, 0, 0, "0.00", 0), withRev("2025-02-01", 1, 1, 0, "12.25", 12.25),
			withRev("2025-02-01", 1, 2, 0, "0.00", 12.25), withRev("2025-02-01", 1, 3, 0, "8.00", 20.25),
			withRev("2025-03-01", 1, 0, 0, "50.00", 50), withRev("2025-03-01", 1, 1, 0, "0.00", 50), withRev("2025-03-01", 1, 2, 0, "0.00", 50),
			withRev("2025-05-01", 1, 0, 0, "0.00", 0),
		},
	}, {
		// Defaults with revenue, one offset: Jan {u1 u2 u3 u7} spend 20.00
		// in Jan (5.00 each) and 45.50 in Feb (65.50/4 = 16.375); Feb {u6}
		// nothing; Mar {u4} 50.00; May {u5} nothing. A DOUBLE amount gives
		// a DOUBLE revenue.
		"DOUBLE amount", `cohort(shop, uid, ts, amount := amount::DOUBLE, periods := 1)`,
		[]cell{
			withRev("2025-01-01", 4, 0, 4, "20.0", 5), withRev("2025-01-01", 4, 1, 3, "45.5", 16.375),
			withRev("2025-02-01", 1, 0, 1, "0.0", 0), withRev("2025-02-01", 1, 1, 1, "0.0", 0),
			withRev("2025-03-01", 1, 0, 1, "50.0", 50), withRev("2025-03-01", 1, 1, 0, "0.0", 0+50),
			withRev("2025-05-01", 1, 0, 1, "0.0", 0),
		},
	}, {
		// amount given by name after the other options.
		"amount last", `cohort(shop, uid, ts, periods := 0, period := 'month', amount := amount)`,
		[]cell{
			withRev("2025-01-01", 4, 0, 4, "20.00", 5), withRev("2025-02-01", 1, 0, 1, "0.00", 0),
			withRev("2025-03-01", 1, 0, 1, "50.00", 50), withRev("2025-05-01", 1, 0, 1, "0.00", 0),
		},
	}, {
		// amount := NULL given explicitly: the revenue columns, all 0.
		"NULL amount", `cohort(shop, uid, ts, amount := NULL, periods := 0)`,
		[]cell{
			withRev("2025-01-01", 4, 0, 4, "0", 0), withRev("2025-02-01", 1, 0, 1, "0", 0),
			withRev("2025-03-01", 1, 0, 1, "0", 0), withRev("2025-05-01", 1, 0, 1, "0", 0),
		},
	}}
	for _, c := range cases {
		sameCells(t, c.name, cohortCells(t, conn, c.from), c.want)
	}
}

// TestColumnTypes: five columns without an amount, seven with one (the
// revenue of a DECIMAL staying an exact DECIMAL), and the period label a
// DATE except for hours.
func TestColumnTypes(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog)
	base := "cohort_size BIGINT, period_offset BIGINT, active_users BIGINT, retention_rate DOUBLE"
	cases := []struct{ query, want string }{
		{`SELECT * FROM cohort(shop, uid, ts)`, "cohort DATE, " + base},
		{`SELECT * FROM cohort(shop, uid, ts, period := 'week')`, "cohort DATE, " + base},
		{`SELECT * FROM cohort(shop, uid, ts, period := 'hour')`, "cohort TIMESTAMP, " + base},
		{`SELECT * FROM cohort(shop, uid, ts, amount := amount)`,
			"cohort DATE, " + base + ", revenue DECIMAL(38,2), cumulative_revenue_per_user DOUBLE"},
		{`SELECT * FROM cohort(shop, uid, ts, amount := amount::DOUBLE, period := 'day')`,
			"cohort DATE, " + base + ", revenue DOUBLE, cumulative_revenue_per_user DOUBLE"},
		{`SELECT * FROM lifecycle(shop, uid, ts)`, "period DATE, status VARCHAR, users BIGINT"},
		{`SELECT * FROM lifecycle(shop, uid, ts, period := 'quarter')`, "period DATE, status VARCHAR, users BIGINT"},
		{`SELECT * FROM lifecycle(shop, uid, ts, period := 'hour')`, "period TIMESTAMP, status VARCHAR, users BIGINT"},
	}
	for _, c := range cases {
		got := query(t, conn, `SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE `+c.query+`)`)
		if len(got) != 1 || got[0][0] != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.query, got, c.want)
		}
	}
}

// TestCohortShortPeriods checks week, day and hour periods on weekLog.
func TestCohortShortPeriods(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, weekLog)
	cases := []struct {
		name, from string
		want       []cell
	}{{
		// W0 {x}: W0, W1, not W2, W3. W1 {y}: W1, W2, not W3. W3 {z}.
		"week", `cohort(wk, uid, ts, period := 'week')`,
		[]cell{
			noRev("2024-12-30", 1, 0, 1), noRev("2024-12-30", 1, 1, 1), noRev("2024-12-30", 1, 2, 0), noRev("2024-12-30", 1, 3, 1),
			noRev("2025-01-06", 1, 0, 1), noRev("2025-01-06", 1, 1, 1), noRev("2025-01-06", 1, 2, 0),
			noRev("2025-01-20", 1, 0, 1),
		},
	}, {
		// Days, two offsets: x from 01-05 (back on 01-06), y from 01-07 (not
		// on 01-08, 01-09), z from 01-20 (01-21 and 01-22 are inside the
		// data, so present with 0).
		"day", `cohort(wk, uid, ts, period := 'day', periods := 2)`,
		[]cell{
			noRev("2025-01-05", 1, 0, 1), noRev("2025-01-05", 1, 1, 1), noRev("2025-01-05", 1, 2, 0),
			noRev("2025-01-07", 1, 0, 1), noRev("2025-01-07", 1, 1, 0), noRev("2025-01-07", 1, 2, 0),
			noRev("2025-01-20", 1, 0, 1), noRev("2025-01-20", 1, 1, 0), noRev("2025-01-20", 1, 2, 0),
		},
	}, {
		// Hours, labelled with a TIMESTAMP: x from 23:00, back at 01:00
		// (offset 2); y and z once.
		"hour", `cohort(wk, uid, ts, period := 'hour', periods := 2)`,
		[]cell{
			noRev("2025-01-05 23:00:00", 1, 0, 1), noRev("2025-01-05 23:00:00", 1, 1, 0), noRev("2025-01-05 23:00:00", 1, 2, 1),
			noRev("2025-01-07 09:00:00", 1, 0, 1), noRev("2025-01-07 09:00:00", 1, 1, 0), noRev("2025-01-07 09:00:00", 1, 2, 0),
			noRev("2025-01-20 12:00:00", 1, 0, 1), noRev("2025-01-20 12:00:00", 1, 1, 0), noRev("2025-01-20 12:00:00", 1, 2, 0),
		},
	}}
	for _, c := range cases {
		sameCells(t, c.name, cohortCells(t, conn, c.from), c.want)
	}
}

// TestCohortEdges: one user, an empty source, a CTE source, and the end of
// the data moving with the source.
func TestCohortEdges(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, shopLog, weekLog,
		`CREATE VIEW only_x AS SELECT * FROM wk WHERE uid = 'x'`,
		`CREATE VIEW nothing AS SELECT * FROM shop WHERE false`,
		`CREATE TABLE empty AS SELECT * FROM shop WHERE false`,
		`CREATE VIEW to_march AS SELECT * FROM shop WHERE ts < TIMESTAMP '2025-04-01'`)
	// x alone, weekly: W0, W1, not W2, W3.
	sameCells(t, "single user", cohortCells(t, conn, `cohort(only_x, uid, ts, period := 'week')`),
		[]cell{noRev("2024-12-30", 1, 0, 1), noRev("2024-12-30", 1, 1, 1), noRev("2024-12-30", 1, 2, 0), noRev("2024-12-30", 1, 3, 1)})
	for _, src := range []string{"nothing", "empty"} {
		if got := cohortCells(t, conn, `cohort(`+src+`, uid, ts, amount := amount)`); len(got) != 0 {
			t.Errorf("%s: %v, want no rows", src, got)
		}
	}
	// Up to March, March is the last period: Jan has offsets 0..2, Feb
	// 0..1, Mar 0; u3's May purchase and u1's April visit are gone.
	sameCells(t, "data up to March", cohortCells(t, conn, `cohort(to_march, uid, ts)`),
		[]cell{
			noRev("2025-01-01", 4, 0, 4), noRev("2025-01-01", 4, 1, 3), noRev("2025-01-01", 4, 2, 1),
			noRev("2025-02-01", 1, 0, 1), noRev("2025-02-01", 1, 1, 1),
			noRev("2025-03-01", 1, 0, 1),
		})
	// A CTE of the calling query as the source.
	sameCells(t, "CTE source", cohortCells(t, conn, `(WITH s AS (SELECT * FROM wk WHERE uid = 'x') SELECT * FROM cohort(s, uid, ts, period := 'week', periods := 1))`),
		[]cell{noRev("2024-12-30", 1, 0, 1), noRev("2024-12-30", 1, 1, 1)})
}
