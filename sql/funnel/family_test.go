package funnel

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

func openFamily(t *testing.T) *sql.Conn { return sqltest.Open(t, Family) }

func exec(t *testing.T, conn *sql.Conn, q string) { t.Helper(); sqltest.Exec(t, conn, q) }

func column(t *testing.T, conn *sql.Conn, q string) []string {
	t.Helper()
	return sqltest.Column(t, conn, q)
}

func TestWindowFunnelInSQL(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE e AS SELECT * FROM (VALUES
		-- user 1: view, cart 1 h later, buy exactly 1 day after the view: the window is inclusive
		(1, TIMESTAMP '2025-01-01 10:00', 'view'), (1, TIMESTAMP '2025-01-01 11:00', 'cart'), (1, TIMESTAMP '2025-01-02 10:00', 'buy'),
		-- user 2: buy one microsecond too late
		(2, TIMESTAMP '2025-01-01 10:00', 'view'), (2, TIMESTAMP '2025-01-01 11:00', 'cart'), (2, TIMESTAMP '2025-01-02 10:00:00.000001', 'buy'),
		-- user 3: cart before view, then nothing: level 1
		(3, TIMESTAMP '2025-01-01 09:00', 'cart'), (3, TIMESTAMP '2025-01-01 10:00', 'view'),
		-- user 4: an unrelated event between view and cart; strict_order stops there
		(4, TIMESTAMP '2025-01-01 10:00', 'view'), (4, TIMESTAMP '2025-01-01 10:30', 'other'), (4, TIMESTAMP '2025-01-01 11:00', 'cart'),
		-- user 5: no view at all
		(5, TIMESTAMP '2025-01-01 10:00', 'cart')) t(u, ts, ev)`)
	conds := "[ev = 'view', ev = 'cart', ev = 'buy']"
	cases := []struct{ name, call, want string }{
		{"timestamps", "window_funnel(INTERVAL 1 DAY, ts, " + conds + ")", "3 2 1 2 0"},
		{"strict_order", "window_funnel(INTERVAL 1 DAY, ts, " + conds + ", 'strict_order')", "3 2 1 1 0"},
		// As dates, user 2's late buy is on the boundary day, and user 3's cart and view fall on
		// the same day: ties order by condition index, so view counts before cart (level 2).
		{"dates, window in days", "window_funnel(INTERVAL 1 DAY, ts::DATE, " + conds + ")", "3 3 2 2 0"},
		// In whole seconds user 2's extra microsecond is gone: the buy is on the boundary.
		{"integers, window in seconds", "window_funnel(86400, epoch(ts)::BIGINT, " + conds + ")", "3 3 1 2 0"},
		{"timestamptz", "window_funnel(INTERVAL 1 DAY, ts::TIMESTAMPTZ, " + conds + ")", "3 2 1 2 0"},
		{"one step", "window_funnel(INTERVAL 1 DAY, ts, [ev = 'cart'])", "1 1 1 1 1"},
	}
	for _, c := range cases {
		got := strings.Join(column(t, conn, "SELECT "+c.call+" FROM e GROUP BY u ORDER BY u"), " ")
		if got != c.want {
			t.Errorf("%s: levels %s, want %s", c.name, got, c.want)
		}
	}
}

func TestWindowFunnelErrors(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, "CREATE TABLE e AS SELECT range AS u, TIMESTAMP '2025-01-01' + INTERVAL (range) MINUTE AS ts, 'x' AS s FROM range(3)")
	cases := []struct{ call, want string }{
		{"window_funnel(INTERVAL 1 DAY, ts, [true], 'strict_ordr')", `window_funnel: mode: unknown option "strict_ordr" (valid options: strict_deduplication, strict_order, strict_increase, strict_once, allow_reentry)`},
		{"window_funnel(INTERVAL 1 DAY, ts, [true], 'allow_reentry')", "window_funnel: mode: allow_reentry requires strict_order"},
		{"window_funnel(INTERVAL '-1 day', ts, [true])", "window_funnel: window: must not be negative"},
		{"window_funnel(INTERVAL 1 DAY, ts, [])", "window_funnel: conds: the list of steps is empty"},
		{"window_funnel(INTERVAL 1 DAY, ts, list_transform(range(33), x -> true))", "window_funnel: conds: 33 conditions given, at most 32"},
		{"window_funnel(INTERVAL 1 DAY, s, [true])", "window_funnel"},
	}
	for _, c := range cases {
		_, err := conn.ExecContext(context.Background(), "SELECT "+c.call+" FROM e GROUP BY u")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.call, err, c.want)
		}
	}
}

// TestWindowFunnelMatchesLevel runs random event logs through DuckDB
// (collection in C, masks, modes, combine across threads) and checks every
// group's result against Level computed in Go on the same rows.
func TestWindowFunnelMatchesLevel(t *testing.T) {
	conn := openFamily(t)
	r := rand.New(rand.NewPCG(7, 8))
	var values []string
	type row struct {
		ts   int64
		mask uint32
	}
	groups := map[int][]row{}
	for g := 0; g < 400; g++ {
		for i := 0; i < r.IntN(15); i++ {
			ts, mask := int64(r.IntN(50)), uint32(r.IntN(16))
			groups[g] = append(groups[g], row{ts, mask})
			values = append(values, fmt.Sprintf("(%d, %d, %d)", g, ts, mask))
		}
	}
	exec(t, conn, "CREATE TABLE e (g INTEGER, ts BIGINT, m INTEGER)")
	exec(t, conn, "INSERT INTO e VALUES "+strings.Join(values, ", "))
	for _, mode := range []string{"", "strict_order", "strict_deduplication", "strict_increase", "strict_once", "strict_order,allow_reentry", "strict_order,strict_increase"} {
		m, err := ParseMode(mode)
		if err != nil {
			t.Fatal(err)
		}
		got := column(t, conn, fmt.Sprintf(`SELECT g || ':' || window_funnel(10, ts, [m & 1 > 0, m & 2 > 0, m & 4 > 0, m & 8 > 0], '%s')
			FROM e GROUP BY g ORDER BY g`, mode))
		for _, line := range got {
			var g, level int
			fmt.Sscanf(line, "%d:%d", &g, &level)
			var ev []Event
			for i, rw := range groups[g] {
				ev = AppendRow(ev, rw.ts, rw.mask, uint32(i), m)
			}
			if want := Level(ev, 10, 4, m); level != want {
				t.Fatalf("mode %q group %d: SQL says %d, Level says %d", mode, g, level, want)
			}
		}
	}
}

func TestFunnelReport(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE e AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2025-01-01 10:00:00', 'view', 'web'), (1, TIMESTAMP '2025-01-01 10:00:10', 'cart', 'web'), (1, TIMESTAMP '2025-01-01 10:01:10', 'buy', 'web'),
		(2, TIMESTAMP '2025-01-01 10:00:00', 'view', 'app'), (2, TIMESTAMP '2025-01-01 10:00:30', 'cart', 'app'),
		(3, TIMESTAMP '2025-01-01 10:00:00', 'view', 'web'),
		(4, TIMESTAMP '2025-01-01 10:00:00', 'cart', 'app'),
		(5, TIMESTAMP '2025-01-01 10:00:00', 'view', 'web'), (5, TIMESTAMP '2025-01-03 10:00:00', 'cart', 'web')) t(u, ts, ev, channel)`)
	// Users reaching each step with a 1-day window: step 1 {1,2,3,5}, step 2 {1,2} (5's cart is
	// 2 days late), step 3 {1}. Seconds from the previous step: step 2 {10, 30}, step 3 {60}.
	got := column(t, conn, `SELECT concat_ws(' ', step, users, round(conversion_rate, 3), round(step_conversion_rate, 3),
			dropped_off, median_seconds_from_previous, avg_seconds_from_previous)
		FROM funnel(e, u, ts, [ev = 'view', ev = 'cart', ev = 'buy'], conversion_window := INTERVAL 1 DAY)`)
	want := []string{"1 4 1.0 1.0 0", "2 2 0.5 0.5 2 20.0 20.0", "3 1 0.25 0.5 1 60.0 60.0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("funnel\n got %q\nwant %q", got, want)
	}
	// Broken down by channel: web has users 1, 3, 5 at step 1 and only 1 further on; app has 2.
	got = column(t, conn, `SELECT concat_ws(' ', breakdown, step, users) FROM funnel(e, u, ts,
		[ev = 'view', ev = 'cart', ev = 'buy'], conversion_window := INTERVAL 1 DAY, breakdown := channel)`)
	want = []string{"app 1 1", "app 2 1", "app 3 0", "web 1 3", "web 2 1", "web 3 1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("funnel by channel\n got %q\nwant %q", got, want)
	}
	// strict_once tracks no chains: the same users, no time columns. (An
	// earlier report dropped every user in this mode.)
	got = column(t, conn, `SELECT concat_ws(' ', step, users, dropped_off, coalesce(median_seconds_from_previous, -1))
		FROM funnel(e, u, ts, [ev = 'view', ev = 'cart', ev = 'buy'], conversion_window := INTERVAL 1 DAY, mode := 'strict_once')`)
	want = []string{"1 4 0 -1.0", "2 2 2 -1.0", "3 1 1 -1.0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("funnel strict_once\n got %q\nwant %q", got, want)
	}
	// Integer timestamps are seconds, dates are days: the time columns are
	// seconds either way.
	exec(t, conn, "CREATE VIEW e_int AS SELECT u, epoch(ts)::BIGINT AS s, ev FROM e")
	exec(t, conn, "CREATE VIEW e_date AS SELECT u, ts::DATE AS d, ev FROM e")
	got = column(t, conn, `SELECT concat_ws(' ', step, users, median_seconds_from_previous)
		FROM funnel(e_int, u, s, [ev = 'view', ev = 'cart'], conversion_window := 86400)`)
	want = []string{"1 4", "2 2 20.0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("funnel on integer seconds\n got %q\nwant %q", got, want)
	}
	got = column(t, conn, `SELECT concat_ws(' ', step, users, median_seconds_from_previous)
		FROM funnel(e_date, u, d, [ev = 'view', ev = 'cart'], conversion_window := INTERVAL 2 DAY)`)
	want = []string{"1 4", "2 3 0.0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("funnel on dates\n got %q\nwant %q", got, want)
	}
}
