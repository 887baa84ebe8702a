package datagen

import (
	"context"
	"strconv"
	"testing"
)

// TestShape checks, on one scale-1 shop, that the data has the shape the
// marketing functions are meant to find.
func TestShape(t *testing.T) {
	conn, st := generated(t, Config{Scale: 1, Seed: 20250101}, defaultWorkers())
	t.Logf("generated %v", st)
	ctx := context.Background()
	q := func(t *testing.T, query string) float64 { t.Helper(); return queryFloat(t, conn, query) }

	t.Run("counts", func(t *testing.T) {
		ev, cu, or := float64(st.Events), float64(st.Customers), float64(st.Orders)
		within(t, "events", ev, 100_000, 0.15)
		within(t, "customers", cu, ev/10, 0.30)
		within(t, "orders", or, ev*0.02, 0.30)
	})

	t.Run("funnel", func(t *testing.T) {
		steps := []string{"page_view", "product_view", "add_to_cart", "checkout", "purchase"}
		prev := 0.0
		for i, s := range steps {
			n := q(t, `SELECT count(DISTINCT user_id) FROM events WHERE event = '`+s+`'`)
			if i > 0 && n >= prev {
				t.Errorf("%d users reach %s, not fewer than the %v at %s", int(n), s, prev, steps[i-1])
			}
			if n == 0 {
				t.Errorf("no user reaches %s", s)
			}
			prev = n
		}
		if n := q(t, `SELECT count(*) FROM events WHERE event NOT IN ('page_view', 'product_view', 'add_to_cart', 'checkout', 'purchase')`); n != 0 {
			t.Errorf("%v events with an unknown name", n)
		}
		// Within a session every step comes after the step before it.
		bad := q(t, `WITH s AS (
			SELECT session_id,
				min(ts) FILTER (event = 'product_view') pv,
				min(ts) FILTER (event = 'add_to_cart') ac,
				min(ts) FILTER (event = 'checkout') co,
				min(ts) FILTER (event = 'purchase') pu,
				min(ts) FILTER (event = 'page_view') pg,
				min(ts) first_ts
			FROM events GROUP BY session_id)
			SELECT count(*) FROM s WHERE pg <> first_ts
				OR (ac IS NOT NULL AND (pv IS NULL OR ac <= pv))
				OR (co IS NOT NULL AND (ac IS NULL OR co <= ac))
				OR (pu IS NOT NULL AND (co IS NULL OR pu <= co))`)
		if bad != 0 {
			t.Errorf("%v sessions whose funnel steps are out of order", bad)
		}
	})

	t.Run("orders match purchases", func(t *testing.T) {
		if n := q(t, `SELECT count(*) FROM events WHERE NOT json_valid(properties)`); n != 0 {
			t.Errorf("%v events with invalid JSON properties", n)
		}
		purchases := q(t, `SELECT count(*) FROM events WHERE event = 'purchase'`)
		if purchases != float64(st.Orders) {
			t.Errorf("%v purchase events, %d orders", purchases, st.Orders)
		}
		if n := q(t, `SELECT count(*) FROM events e WHERE event = 'purchase' AND (
				SELECT count(*) FROM orders o
				WHERE o.order_id = (e.properties->>'order_id')::BIGINT AND o.ts = e.ts AND o.customer_id = e.user_id) <> 1`); n != 0 {
			t.Errorf("%v purchase events without exactly one order of the same id, time and customer", n)
		}
		if n := q(t, `SELECT count(*) - count(DISTINCT order_id) FROM orders`); n != 0 {
			t.Errorf("%v duplicate order ids", n)
		}
		if n := q(t, `SELECT count(*) FROM orders WHERE amount <= 0 OR amount IS NULL OR items < 1`); n != 0 {
			t.Errorf("%v orders with a non-positive amount or no items", n)
		}
		if n := q(t, `SELECT count(*) FROM orders o ANTI JOIN customers c ON c.customer_id = o.customer_id`); n != 0 {
			t.Errorf("%v orders of unknown customers", n)
		}
	})

	t.Run("amounts heavy tailed", func(t *testing.T) {
		mean, median := q(t, `SELECT avg(amount) FROM orders`), q(t, `SELECT median(amount) FROM orders`)
		p99 := q(t, `SELECT quantile_cont(amount, 0.99) FROM orders`)
		if mean <= median*1.15 || p99 < 4*median {
			t.Errorf("amounts not heavy tailed: mean %.2f, median %.2f, p99 %.2f", mean, median, p99)
		}
	})

	t.Run("events after signup", func(t *testing.T) {
		if n := q(t, `SELECT count(*) FROM events e LEFT JOIN customers c ON c.customer_id = e.user_id WHERE c.signup_ts IS NULL OR e.ts < c.signup_ts`); n != 0 {
			t.Errorf("%v events before their user's signup or of an unknown user", n)
		}
		if n := q(t, `SELECT count(*) - count(DISTINCT customer_id) FROM customers`); n != 0 {
			t.Errorf("%v duplicate customer ids", n)
		}
	})

	t.Run("sessions", func(t *testing.T) {
		// A 30-minute sessionization finds exactly the generated sessions.
		found := q(t, `SELECT count(*) FROM (
			SELECT ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts) AS gap FROM events)
			WHERE gap IS NULL OR gap > INTERVAL 30 MINUTE`)
		ids := q(t, `SELECT count(DISTINCT session_id) FROM events`)
		if found != ids {
			t.Errorf("30-minute sessionization finds %v sessions, session_id has %v", found, ids)
		}
		if n := q(t, `SELECT count(*) FROM (SELECT session_id FROM events GROUP BY 1 HAVING count(DISTINCT user_id) > 1)`); n != 0 {
			t.Errorf("%v sessions shared by several users", n)
		}
		perSession := float64(st.Events) / ids
		if perSession < 2 || perSession > 8 {
			t.Errorf("%.1f events per session, want a few", perSession)
		}
	})

	t.Run("rows in customer and time order", func(t *testing.T) {
		if n := q(t, `SELECT count(*) FROM (
			SELECT user_id, ts, lag(user_id) OVER (ORDER BY rowid) pu, lag(ts) OVER (ORDER BY rowid) pt FROM events)
			WHERE user_id < pu OR (user_id = pu AND ts < pt)`); n != 0 {
			t.Errorf("%v events out of customer-then-time order", n)
		}
	})

	t.Run("weekly seasonality", func(t *testing.T) {
		var weekday, weekend float64
		err := conn.QueryRowContext(ctx, `SELECT
				avg(n) FILTER (isodow(d) <= 5), avg(n) FILTER (isodow(d) > 5)
			FROM (SELECT ts::DATE d, count(*) n FROM events
				WHERE ts >= TIMESTAMP '2025-02-01' AND ts < TIMESTAMP '2026-01-01' GROUP BY 1)`).Scan(&weekday, &weekend)
		if err != nil {
			t.Fatal(err)
		}
		if weekend > 0.85*weekday {
			t.Errorf("weekend days average %.0f events, weekdays %.0f: want a clear difference", weekend, weekday)
		}
	})

	t.Run("retention falls", func(t *testing.T) {
		// Cohorts that signed up early enough to be seen for three months.
		share := func(month int) float64 {
			return q(t, `SELECT count(DISTINCT e.user_id) / (SELECT count(*) FROM customers WHERE signup_ts < TIMESTAMP '2025-10-01')
				FROM events e JOIN customers c ON c.customer_id = e.user_id
				WHERE c.signup_ts < TIMESTAMP '2025-10-01'
				AND datediff('day', c.signup_ts, e.ts) // 30 = `+strconv.Itoa(month))
		}
		m0, m1, m2 := share(0), share(1), share(2)
		t.Logf("active share by month after signup: %.3f %.3f %.3f", m0, m1, m2)
		if m0 != 1 || m1 >= m0 || m2 >= m1 || m2 == 0 {
			t.Errorf("active share by month after signup %.3f, %.3f, %.3f: want 1 then falling, above 0", m0, m1, m2)
		}
	})

	t.Run("activity concentrated", func(t *testing.T) {
		top := q(t, `SELECT sum(n) FILTER (rk <= cnt / 10) / sum(n) FROM (
			SELECT n, row_number() OVER (ORDER BY n DESC) rk, count(*) OVER () cnt
			FROM (SELECT count(*) n FROM events GROUP BY user_id))`)
		oneVisit := q(t, `SELECT avg((n = 1)::INT) FROM (SELECT count(DISTINCT session_id) n FROM events GROUP BY user_id)`)
		t.Logf("top 10%% of users make %.0f%% of events; %.0f%% of users visit once", 100*top, 100*oneVisit)
		if top <= 0.30 {
			t.Errorf("top 10%% of users make %.0f%% of events, want more than 30%%", 100*top)
		}
		if oneVisit < 0.4 {
			t.Errorf("only %.0f%% of users visit once, want many one-visit users", 100*oneVisit)
		}
	})

	t.Run("repeat buyers", func(t *testing.T) {
		repeat := q(t, `SELECT avg((n > 1)::INT) FROM (SELECT count(*) n FROM orders GROUP BY customer_id)`)
		if repeat < 0.1 {
			t.Errorf("%.0f%% of buyers order again, want loyal repeat buyers", 100*repeat)
		}
	})

	t.Run("channels convert differently", func(t *testing.T) {
		rate := func(ch string) float64 {
			return q(t, `SELECT avg((o.customer_id IS NOT NULL)::INT) FROM customers c
				LEFT JOIN (SELECT DISTINCT customer_id FROM orders) o USING (customer_id)
				WHERE c.channel = '`+ch+`'`)
		}
		if e, s := rate("email"), rate("social"); e < 2*s {
			t.Errorf("email customers buy at %.3f, social at %.3f: want email clearly ahead", e, s)
		}
		if n := q(t, `SELECT count(DISTINCT channel) FROM customers`); n != float64(len(channels)) {
			t.Errorf("%v channels, want %d", n, len(channels))
		}
		if top := q(t, `SELECT max(n) / sum(n) FROM (SELECT count(*) n FROM customers GROUP BY country)`); top < 0.25 {
			t.Errorf("largest country has %.2f of customers, want a skewed mix", top)
		}
	})

	t.Run("signups over the year", func(t *testing.T) {
		if n := q(t, `SELECT count(DISTINCT date_trunc('month', signup_ts)) FROM customers`); n != 12 {
			t.Errorf("signups in %v months, want 12", n)
		}
		if n := q(t, `SELECT count(*) FROM customers WHERE signup_ts < TIMESTAMP '2025-01-01' OR signup_ts >= TIMESTAMP '2026-01-01'`); n != 0 {
			t.Errorf("%v signups outside the year from Start", n)
		}
	})

	t.Run("short properties", func(t *testing.T) {
		if avg := q(t, `SELECT avg(strlen(properties)) FROM events`); avg > 32 {
			t.Errorf("properties average %.1f bytes, want them short", avg)
		}
	})
}

// within fails t unless got is within frac of want.
func within(t *testing.T, what string, got, want, frac float64) {
	t.Helper()
	if got < want*(1-frac) || got > want*(1+frac) {
		t.Errorf("%s = %.0f, want %.0f ± %.0f%%", what, got, want, 100*frac)
	}
}
