package retention

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

// spec is one configuration of the report, for the comparison with plain
// SQL.
type spec struct {
	source, user, ts, start, ret, period string
	periods                              int
	kind                                 string
	cumulative                           bool
}

// macroSQL calls the report with s.
func (s spec) macroSQL() string {
	return fmt.Sprintf(`SELECT * FROM retention(%s, %s, %s, start_event := %s, return_event := %s, period := '%s', periods := %d, kind := '%s', cumulative := %t)`,
		s.source, s.user, s.ts, s.start, s.ret, s.period, s.periods, s.kind, s.cumulative)
}

// plainSQL computes the same table without the family's macros, written
// independently: periods stay truncated timestamps, "c + k periods" is
// interval arithmetic, a cohort offset counts when c + k periods is before
// the last period, and retention is an EXISTS over distinct return
// periods.
func (s spec) plainSQL() string {
	step := map[string]string{
		"hour": "to_hours(k.k)", "day": "to_days(k.k)", "week": "to_days(7 * k.k)",
		"month": "to_months(k.k)", "quarter": "to_months(3 * k.k)", "year": "to_years(k.k)",
	}[s.period]
	members := "SELECT u, min(t) AS c FROM starts GROUP BY u"
	if s.kind == "recurring" {
		members = "SELECT u, t AS c FROM starts"
	}
	cmp := "="
	if s.cumulative {
		cmp = ">="
	}
	return fmt.Sprintf(`
		WITH src AS (
			SELECT %[2]s AS u, date_trunc('%[4]s', %[3]s) AS t,
			       coalesce(%[5]s, false) AS s, coalesce(%[6]s, false) AS r
			FROM %[1]s WHERE %[2]s IS NOT NULL AND %[3]s IS NOT NULL
		),
		bounds AS (SELECT max(t) AS last_t FROM src),
		starts AS (SELECT DISTINCT u, t FROM src WHERE s),
		members AS (%[7]s),
		returns AS (SELECT DISTINCT u, t FROM src WHERE r),
		cells AS (
			SELECT k.k, m.u, m.c + %[8]s AS target
			FROM members m CROSS JOIN range(0, %[9]d + 1) k(k) CROSS JOIN bounds b
			WHERE m.c + %[8]s < b.last_t
		),
		flags AS (
			SELECT k, EXISTS (SELECT 1 FROM returns r WHERE r.u = cells.u AND r.t %[10]s cells.target) AS kept FROM cells
		)
		SELECT k.k, count(f.k), count(f.k) FILTER (WHERE f.kept),
		       CASE WHEN count(f.k) > 0 THEN count(f.k) FILTER (WHERE f.kept) / count(f.k) END
		FROM range(0, %[9]d + 1) k(k) LEFT JOIN flags f ON f.k = k.k
		GROUP BY k.k ORDER BY k.k`,
		s.source, s.user, s.ts, s.period, s.start, s.ret, members, step, s.periods, cmp)
}

// compare runs both and fails on any difference; it returns the rows.
func compare(t *testing.T, conn *sql.Conn, s spec) []row {
	t.Helper()
	got := table(t, conn, s.macroSQL())
	want := table(t, conn, s.plainSQL())
	sameRows(t, s.macroSQL(), got, want)
	return got
}

// nonTrivial fails unless some offset after 0 retained someone and the
// cohorts shrink as offsets grow: a comparison of empty tables would prove
// nothing.
func nonTrivial(t *testing.T, what string, rows []row) {
	t.Helper()
	var later int64
	for i, r := range rows {
		if i > 0 {
			later += r.retained
			if r.cohort > rows[i-1].cohort {
				t.Errorf("%s: cohort grows at offset %d", what, r.k)
			}
		}
	}
	if later == 0 || rows[0].cohort == 0 {
		t.Errorf("%s: trivial table %v", what, rows)
	}
}

// TestAgainstPlainSQLOnDemoShop compares the report with plainSQL on the
// demo shop at scale 1 (10,000 customers, about 100,000 events).
func TestAgainstPlainSQLOnDemoShop(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the demo shop")
	}
	conn := openFamily(t)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 1, Seed: 7}, nil); err != nil {
		t.Fatal(err)
	}
	specs := []spec{
		// D0..D30, any event.
		{"events", "user_id", "ts", "TRUE", "TRUE", "day", 30, "first_time", false},
		// Weekly repeat purchase, every week with a purchase starting a cohort.
		{"events", "user_id", "ts", "event = 'purchase'", "event = 'purchase'", "week", 8, "recurring", false},
		// Monthly, from the first add_to_cart, returning on or after.
		{"events", "user_id", "ts", "event = 'add_to_cart'", "TRUE", "month", 12, "first_time", true},
		// Daily recurring and cumulative, from page views to checkouts.
		{"events", "user_id", "ts", "event = 'page_view'", "event = 'checkout'", "day", 10, "recurring", true},
		// Orders by quarter and by hour, with a DATE and a TIMESTAMP.
		{"orders", "customer_id", "ts::DATE", "TRUE", "amount > 50", "quarter", 4, "first_time", false},
		{"events", "user_id", "ts", "event = 'product_view'", "event = 'add_to_cart'", "hour", 48, "first_time", false},
		{"customers", "channel", "signup_ts", "TRUE", "TRUE", "year", 1, "recurring", false},
	}
	for _, s := range specs {
		rows := compare(t, conn, s)
		if s.period != "year" && s.period != "quarter" {
			nonTrivial(t, s.macroSQL(), rows)
		}
	}
}

// onlineRetail is the Online Retail data set, relative to this package.
const onlineRetail = "../../../shared/datasets/online_retail.csv.zst"

// TestAgainstPlainSQLOnOnlineRetail compares monthly retention of the
// Online Retail customers (Dec 2010 to Dec 2011) with plainSQL.
func TestAgainstPlainSQLOnOnlineRetail(t *testing.T) {
	if _, err := os.Stat(onlineRetail); err != nil {
		t.Skipf("Online Retail not available: %v", err)
	}
	if testing.Short() {
		t.Skip("reads a 540,000-row data set")
	}
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE retail AS SELECT InvoiceNo::VARCHAR AS invoice, InvoiceDate AS ts, CustomerID::BIGINT AS customer
		FROM read_csv('`+onlineRetail+`')`)
	notCancelled := "NOT starts_with(invoice, 'C')"
	specs := []spec{
		{"retail", "customer", "ts", notCancelled, notCancelled, "month", 12, "first_time", false},
		{"retail", "customer", "ts", notCancelled, notCancelled, "month", 12, "recurring", false},
		{"retail", "customer", "ts", notCancelled, "TRUE", "month", 12, "first_time", true},
		{"retail", "customer", "ts", "TRUE", "TRUE", "week", 20, "first_time", false},
	}
	for _, s := range specs {
		nonTrivial(t, s.macroSQL(), compare(t, conn, s))
	}
	// December 2011 is the last, incomplete month: the December 2010
	// cohort is seen up to offset 11 (November 2011), so offset 12 has no
	// cohort at all.
	rows := table(t, conn, specs[0].macroSQL())
	if last := rows[12]; last.cohort != 0 || rows[11].cohort == 0 {
		t.Errorf("offsets 11, 12: %v %v; want a cohort at 11 and none at 12", rows[11], last)
	}
}
