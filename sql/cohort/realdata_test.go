package cohort

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

// The real data sets, relative to this package, and the small fixtures in
// testdata that cover the same comparison when they are absent.
const (
	onlineRetail  = "../../../shared/datasets/online_retail.csv.zst"
	cdnowMaster   = "../../../shared/datasets/cdnow_master.txt"
	retailExcerpt = "testdata/online_retail_excerpt.csv"
	cdnowFixture  = "testdata/cdnow_synthetic.txt"
)

// loadRetail creates the view retail(customer, ts, amount) over an Online
// Retail CSV: rows with a CustomerID, invoices not starting with 'C',
// amount = Quantity * UnitPrice (a DOUBLE).
func loadRetail(t *testing.T, conn *sql.Conn, path string) {
	t.Helper()
	exec(t, conn, `CREATE OR REPLACE TABLE retail_raw AS SELECT * FROM read_csv('`+path+`')`,
		`CREATE OR REPLACE VIEW retail AS
			SELECT CustomerID::BIGINT AS customer, InvoiceDate AS ts, Quantity * UnitPrice AS amount
			FROM retail_raw
			WHERE CustomerID IS NOT NULL AND NOT starts_with(InvoiceNo::VARCHAR, 'C')`)
}

// loadCDNOW creates the table cdnow(customer, day, amount) from a file in
// the CDNOW format: a header line, then whitespace-separated customer_id,
// date (yyyymmdd), number of CDs and dollar value. day is a DATE and
// amount a DECIMAL(10,2).
func loadCDNOW(t *testing.T, conn *sql.Conn, path string) {
	t.Helper()
	exec(t, conn, `CREATE OR REPLACE TABLE cdnow AS
		SELECT f[1]::INTEGER AS customer, strptime(f[2], '%Y%m%d')::DATE AS day, f[4]::DECIMAL(10,2) AS amount
		FROM (SELECT string_split(trim(regexp_replace(line, '\s+', ' ', 'g')), ' ') AS f
		      FROM read_csv('`+path+`', columns = {'line': 'VARCHAR'}, header = true, delim = '|',
		                    quote = '', escape = '', auto_detect = false))`)
}

// spec is one call of the cohort report, for the comparison with plain
// SQL.
type spec struct {
	source, user, ts, amount, start, ret, period string
	periods                                      int
}

// call is the report's call for s.
func (s spec) call() string {
	return fmt.Sprintf("cohort(%s, %s, %s, amount := %s, start_event := %s, return_event := %s, period := '%s', periods := %d)",
		s.source, s.user, s.ts, s.amount, s.start, s.ret, s.period, s.periods)
}

// monthly is the spec of the plain monthly table with revenue.
func monthly(source, user, ts, amount string, periods int) spec {
	return spec{source, user, ts, amount, "TRUE", "TRUE", "month", periods}
}

// plainSQL is the same cohort table computed without the family's
// macros, written independently: periods stay truncated timestamps,
// offsets are interval arithmetic, a cell exists when its period is not
// after the last period of the data, active users are a count of distinct
// users with a return row, revenue sums all of a member's rows from the
// cohort on, and the cumulative revenue is a window sum.
func (s spec) plainSQL() string {
	step := map[string]string{
		"hour": "to_hours(%s)", "day": "to_days(%s)", "week": "to_days(7 * %s)",
		"month": "to_months(%s)", "quarter": "to_months(3 * %s)", "year": "to_years(%s)",
	}[s.period]
	return fmt.Sprintf(`(
		WITH rows_ AS (
			SELECT %[2]s AS u, date_trunc('%[7]s', %[3]s) AS p, %[4]s AS a,
			       coalesce(%[5]s, false) AS st, coalesce(%[6]s, false) AS re
			FROM %[1]s WHERE %[2]s IS NOT NULL AND %[3]s IS NOT NULL
		),
		firsts AS (SELECT u, min(p) AS c FROM rows_ WHERE st GROUP BY u),
		sizes AS (SELECT c, count(*) AS n FROM firsts GROUP BY c),
		grid AS (
			SELECT s.c, s.n, k.k
			FROM sizes s CROSS JOIN range(0, %[8]d + 1) k(k)
			WHERE s.c + %[9]s <= (SELECT max(p) FROM rows_)
		),
		activity AS (
			SELECT f.c, r.p, count(DISTINCT r.u) FILTER (WHERE r.re) AS users, sum(r.a) AS revenue
			FROM rows_ r JOIN firsts f ON f.u = r.u
			WHERE r.p >= f.c
			GROUP BY f.c, r.p
		)
		SELECT CASE WHEN '%[7]s' = 'hour' THEN g.c::VARCHAR ELSE g.c::DATE::VARCHAR END AS cohort,
		       g.n AS cohort_size, g.k AS period_offset,
		       coalesce(a.users, 0) AS active_users,
		       coalesce(a.users, 0) / g.n AS retention_rate,
		       coalesce(a.revenue, 0) AS revenue,
		       sum(coalesce(a.revenue, 0)) OVER (PARTITION BY g.c ORDER BY g.k)::DOUBLE / g.n AS cumulative_revenue_per_user
		FROM grid g LEFT JOIN activity a ON a.c = g.c AND a.p = g.c + %[10]s
		ORDER BY g.c, g.k
	)`, s.source, s.user, s.ts, s.amount, s.start, s.ret, s.period, s.periods,
		fmt.Sprintf(step, "k.k"), fmt.Sprintf(step, "g.k"))
}

// compareCohorts runs the report and its plainSQL and compares them cell
// by cell: cohort, size, offset and active users exactly, revenue exactly
// (exact) or to half a cent, and the cumulative revenue per user to 1e-6.
// It returns the report's cells.
func compareCohorts(t *testing.T, conn *sql.Conn, s spec, exact bool) []cell {
	t.Helper()
	got := cohortCells(t, conn, s.call())
	want := cohortCells(t, conn, s.plainSQL())
	if len(got) != len(want) {
		t.Fatalf("%s: %d cells, plain SQL %d", s.call(), len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		same := g.cohort == w.cohort && g.size == w.size && g.k == w.k && g.active == w.active &&
			math.Abs(g.cum-w.cum) < 1e-6
		if exact {
			same = same && g.rev == w.rev
		} else {
			gr, err1 := strconv.ParseFloat(g.rev, 64)
			wr, err2 := strconv.ParseFloat(w.rev, 64)
			same = same && err1 == nil && err2 == nil && math.Abs(gr-wr) < 0.005
		}
		if !same {
			t.Errorf("%s: cell %d\n got %v\nwant %v", s.call(), i, g, w)
		}
	}
	return got
}

// shape summarises a cohort table, to check a comparison was not between
// trivial tables: the number of cohorts, the sum of their sizes, the
// cells with offset > 0 and some activity, and the largest offset.
func shape(cells []cell) (cohorts int, users int64, later int, maxK int64) {
	seen := map[string]bool{}
	for _, c := range cells {
		if !seen[c.cohort] {
			seen[c.cohort] = true
			cohorts++
			users += c.size
		}
		if c.k > 0 && c.active > 0 {
			later++
		}
		maxK = max(maxK, c.k)
	}
	return
}

// TestRetailFixtureAgainstPlainSQL: the comparison on the Online Retail
// excerpt in testdata (218 rows of 21 customers, cancellations and rows
// without a customer included), which is always there.
func TestRetailFixtureAgainstPlainSQL(t *testing.T) {
	conn := openFamily(t)
	loadRetail(t, conn, retailExcerpt)
	cells := compareCohorts(t, conn, monthly("retail", "customer", "ts", "amount", 12), false)
	// December 2010 to December 2011: 13 cohorts of 21 customers in all;
	// December 2010 reaches offset 12 (December 2011, the last month).
	if c, u, later, k := shape(cells); c != 13 || u != 21 || later < 10 || k != 12 {
		t.Errorf("excerpt table: %d cohorts, %d customers, %d later active cells, max offset %d", c, u, later, k)
	}
}

// TestCDNOWFixtureAgainstPlainSQL: the comparison on a synthetic file in
// the CDNOW format (40 customers, first purchases in Q1 1997, purchases
// up to June 1998), with DATE days and DECIMAL amounts compared exactly.
func TestCDNOWFixtureAgainstPlainSQL(t *testing.T) {
	conn := openFamily(t)
	loadCDNOW(t, conn, cdnowFixture)
	cells := compareCohorts(t, conn, monthly("cdnow", "customer", "day", "amount", 24), true)
	// Three cohorts (January to March 1997); January reaches June 1998,
	// offset 17, the last month of the data.
	if c, u, later, k := shape(cells); c != 3 || u != 40 || later < 10 || k != 17 {
		t.Errorf("fixture table: %d cohorts, %d customers, %d later active cells, max offset %d", c, u, later, k)
	}
}

// TestOnlineRetailAgainstPlainSQL: the monthly cohort table of the whole
// Online Retail data set.
func TestOnlineRetailAgainstPlainSQL(t *testing.T) {
	if _, err := os.Stat(onlineRetail); err != nil {
		t.Skipf("Online Retail not available: %v", err)
	}
	if testing.Short() {
		t.Skip("reads a 540,000-row data set")
	}
	conn := openFamily(t)
	loadRetail(t, conn, onlineRetail)
	cells := compareCohorts(t, conn, monthly("retail", "customer", "ts", "amount", 12), false)
	// 4,339 customers with a non-cancelled invoice, in 13 monthly cohorts
	// (December 2010 to December 2011).
	if c, u, later, k := shape(cells); c != 13 || u != 4339 || k != 12 || later != 12*13/2 {
		t.Errorf("Online Retail table: %d cohorts, %d customers, %d later active cells, max offset %d", c, u, later, k)
	}
}

// TestCDNOWAgainstPlainSQL: the monthly cohort table of CDNOW's master
// file (23,570 customers, January 1997 to June 1998).
func TestCDNOWAgainstPlainSQL(t *testing.T) {
	if _, err := os.Stat(cdnowMaster); err != nil {
		t.Skipf("CDNOW not available: %v", err)
	}
	conn := openFamily(t)
	loadCDNOW(t, conn, cdnowMaster)
	cells := compareCohorts(t, conn, monthly("cdnow", "customer", "day", "amount", 24), true)
	// Everyone first bought in Q1 1997: three cohorts, every offset up to
	// the end of the data active (18 + 17 + 16 cells, 3 at offset 0).
	if c, u, later, k := shape(cells); c != 3 || u != 23570 || k != 17 || later != 17+16+15 {
		t.Errorf("CDNOW table: %d cohorts, %d customers, %d later active cells, max offset %d", c, u, later, k)
	}
}

// TestCohortAgainstPlainSQLOnDemoShop compares the report with plainSQL
// on the demo shop at scale 1, over other periods and with start and
// return events.
func TestCohortAgainstPlainSQLOnDemoShop(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the demo shop")
	}
	conn := openFamily(t)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 1, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	exec(t, conn, `CREATE TABLE shop_events AS
		SELECT e.user_id, e.ts, e.event, CASE WHEN e.event = 'purchase' THEN o.amount END AS amount
		FROM events e LEFT JOIN orders o ON o.customer_id = e.user_id AND o.ts = e.ts`)
	specs := []spec{
		{"orders", "customer_id", "ts", "amount", "TRUE", "TRUE", "month", 12},
		{"shop_events", "user_id", "ts", "amount", "TRUE", "event = 'purchase'", "week", 10},
		{"shop_events", "user_id", "ts", "amount", "event = 'add_to_cart'", "event = 'checkout'", "day", 30},
		{"shop_events", "user_id", "ts::DATE", "amount::DOUBLE", "event = 'purchase'", "TRUE", "quarter", 4},
		{"shop_events", "user_id", "ts", "amount", "event = 'purchase'", "event = 'purchase'", "hour", 48},
	}
	for _, s := range specs {
		cells := compareCohorts(t, conn, s, s.amount == "amount")
		if c, _, later, _ := shape(cells); c < 2 || later == 0 {
			t.Errorf("%s: trivial table (%d cohorts, %d later active cells)", s.call(), c, later)
		}
	}
}
