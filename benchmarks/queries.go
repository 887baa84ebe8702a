package main

// Dialects a query is written in.
const (
	dialectMartdb     = "martdb"     // martdb's functions (in-process, wire, cli)
	dialectDuckDB     = "duckdb"     // hand-written DuckDB SQL
	dialectPostgres   = "postgres"   // PostgreSQL; falls back to portable
	dialectPortable   = "portable"   // SQL both DuckDB and PostgreSQL run
	dialectClickHouse = "clickhouse" // chDB, with ClickHouse's functions
)

// query is one benchmark question in each dialect it has a formulation
// in. A peer without one skips the query and says so.
type query struct {
	Name  string
	Title string
	SQL   map[string]string
	// Wire marks the queries of the wire benchmarks (point and top-N),
	// which every peer runs as they are.
	Wire bool
}

// sqlFor returns the formulation for a dialect.
func (q *query) sqlFor(dialect string) (string, bool) {
	if s, ok := q.SQL[dialect]; ok {
		return s, true
	}
	if dialect == dialectDuckDB || dialect == dialectPostgres {
		s, ok := q.SQL[dialectPortable]
		return s, ok
	}
	return "", false
}

// funnelPlain is the 4-step funnel with a 1-day window written by hand:
// from every step-1 event, the earliest next step at or after the previous
// one and within a day of step 1 (the earliest choice reaches furthest,
// so this is windowFunnel's level); a user reaches a step when some chain
// does.
const funnelPlain = `WITH e AS (
    SELECT user_id, ts,
           CASE event WHEN 'product_view' THEN 1 WHEN 'add_to_cart' THEN 2 WHEN 'checkout' THEN 3 ELSE 4 END AS s
    FROM events WHERE event IN ('product_view', 'add_to_cart', 'checkout', 'purchase')),
c1 AS (SELECT user_id, ts AS t1 FROM e WHERE s = 1),
c2 AS (SELECT c1.user_id, c1.t1, min(e.ts) AS t FROM c1 JOIN e ON e.user_id = c1.user_id AND e.s = 2
       AND e.ts >= c1.t1 AND e.ts <= c1.t1 + INTERVAL '1 day' GROUP BY c1.user_id, c1.t1),
c3 AS (SELECT c2.user_id, c2.t1, min(e.ts) AS t FROM c2 JOIN e ON e.user_id = c2.user_id AND e.s = 3
       AND e.ts >= c2.t AND e.ts <= c2.t1 + INTERVAL '1 day' GROUP BY c2.user_id, c2.t1),
c4 AS (SELECT DISTINCT c3.user_id FROM c3 JOIN e ON e.user_id = c3.user_id AND e.s = 4
       AND e.ts >= c3.t AND e.ts <= c3.t1 + INTERVAL '1 day')
SELECT 1 AS step, count(DISTINCT user_id) AS users FROM c1
UNION ALL SELECT 2, count(DISTINCT user_id) FROM c2
UNION ALL SELECT 3, count(DISTINCT user_id) FROM c3
UNION ALL SELECT 4, count(*) FROM c4`

// queries are the benchmark's questions, in the order reports show them:
// the reports, the channels-and-journeys functions, then the wire
// benchmarks' queries.
var queries = concat(reportQueries, journeyQueries, wireQueries)

// concat joins lists of queries.
func concat(lists ...[]*query) []*query {
	var out []*query
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// reportQueries are the questions of the marketing reports.
var reportQueries = []*query{
	{Name: "funnel", Title: "4-step funnel, 1-day window", SQL: map[string]string{
		dialectMartdb: `SELECT step, users FROM funnel(events, user_id, ts,
    [event = 'product_view', event = 'add_to_cart', event = 'checkout', event = 'purchase'],
    conversion_window := INTERVAL 1 DAY)`,
		dialectPortable:   funnelPlain,
		dialectClickHouse: chFunnel(""),
	}},
	{Name: "funnel_strict", Title: "4-step funnel, 1-day window, strict_order", SQL: map[string]string{
		dialectMartdb: `SELECT step, users FROM funnel(events, user_id, ts,
    [event = 'product_view', event = 'add_to_cart', event = 'checkout', event = 'purchase'],
    conversion_window := INTERVAL 1 DAY, mode := 'strict_order')`,
		dialectClickHouse: chFunnel(", 'strict_order'"),
	}},
	{Name: "retention", Title: "D1/D7/D30 retention from each user's first day", SQL: map[string]string{
		dialectMartdb: `WITH f AS (SELECT user_id, min(ts)::DATE AS d0 FROM events GROUP BY user_id),
r AS (SELECT retention([e.ts::DATE = f.d0, e.ts::DATE = f.d0 + 1, e.ts::DATE = f.d0 + 7, e.ts::DATE = f.d0 + 30]) AS r
      FROM events e JOIN f USING (user_id) GROUP BY e.user_id)
SELECT count(*) AS users, sum(r[2]) AS d1, sum(r[3]) AS d7, sum(r[4]) AS d30 FROM r`,
		dialectPortable: `WITH f AS (SELECT user_id, CAST(min(ts) AS DATE) AS d0 FROM events GROUP BY user_id),
u AS (SELECT e.user_id, bool_or(CAST(e.ts AS DATE) = f.d0 + 1) AS d1, bool_or(CAST(e.ts AS DATE) = f.d0 + 7) AS d7,
             bool_or(CAST(e.ts AS DATE) = f.d0 + 30) AS d30
      FROM events e JOIN f USING (user_id) GROUP BY e.user_id)
SELECT count(*) AS users, count(*) FILTER (WHERE d1), count(*) FILTER (WHERE d7), count(*) FILTER (WHERE d30) FROM u`,
		dialectClickHouse: `WITH f AS (SELECT user_id, toDate(min(ts)) AS d0 FROM events GROUP BY user_id)
SELECT count() AS users, sum(r[2]), sum(r[3]), sum(r[4]) FROM (
    SELECT e.user_id, retention(toDate(e.ts) = f.d0, toDate(e.ts) = f.d0 + 1, toDate(e.ts) = f.d0 + 7, toDate(e.ts) = f.d0 + 30) AS r
    FROM events AS e INNER JOIN f ON e.user_id = f.user_id GROUP BY e.user_id)`,
	}},
	{Name: "cohort", Title: "monthly cohort matrix of buyers, 12 months", SQL: map[string]string{
		dialectMartdb: `SELECT cohort, period_offset, active_users
FROM cohort(orders, customer_id, ts, period := 'month', periods := 12) WHERE active_users > 0`,
		dialectPortable: `WITH o AS (SELECT customer_id AS u, date_trunc('month', ts) AS m FROM orders),
f AS (SELECT u, min(m) AS c FROM o GROUP BY u),
a AS (SELECT DISTINCT o.u, f.c, (extract(year FROM o.m) - extract(year FROM f.c)) * 12
                               + extract(month FROM o.m) - extract(month FROM f.c) AS k
      FROM o JOIN f USING (u))
SELECT CAST(c AS DATE) AS cohort, k AS period_offset, count(*) AS active_users FROM a WHERE k <= 12 GROUP BY c, k`,
		dialectClickHouse: `WITH o AS (SELECT customer_id AS u, toStartOfMonth(ts) AS m FROM orders),
f AS (SELECT u, min(m) AS c FROM o GROUP BY u)
SELECT f.c AS cohort, dateDiff('month', f.c, o.m) AS period_offset, uniqExact(o.u) AS active_users
FROM o INNER JOIN f ON o.u = f.u WHERE period_offset <= 12 GROUP BY cohort, period_offset`,
	}},
	{Name: "rfm", Title: "RFM scores (5 bins) per customer, counted per cell", SQL: map[string]string{
		dialectMartdb: `SELECT r_score, f_score, m_score, count(*) AS customers
FROM rfm(orders, customer_id, ts, amount, order_id := order_id) GROUP BY ALL`,
		dialectDuckDB: `WITH m AS (
    SELECT customer_id, CAST((SELECT max(ts) FROM orders) AS DATE) + 1 - CAST(max(ts) AS DATE) AS rec,
           count(DISTINCT order_id) AS freq, sum(amount) AS mon
    FROM orders GROUP BY customer_id),
n AS (SELECT count(*) AS n FROM m)
SELECT r, f, mm, count(*) AS customers FROM (
    SELECT 1 + (5 * (rank() OVER (ORDER BY rec DESC) - 1)) // n AS r,
           1 + (5 * (rank() OVER (ORDER BY freq) - 1)) // n AS f,
           1 + (5 * (rank() OVER (ORDER BY mon) - 1)) // n AS mm
    FROM m, n) GROUP BY ALL`,
		dialectPostgres: `WITH m AS (
    SELECT customer_id, CAST((SELECT max(ts) FROM orders) AS DATE) + 1 - CAST(max(ts) AS DATE) AS rec,
           count(DISTINCT order_id) AS freq, sum(amount) AS mon
    FROM orders GROUP BY customer_id),
n AS (SELECT count(*) AS n FROM m)
SELECT r, f, mm, count(*) AS customers FROM (
    SELECT 1 + (5 * (rank() OVER (ORDER BY rec DESC) - 1)) / n AS r,
           1 + (5 * (rank() OVER (ORDER BY freq) - 1)) / n AS f,
           1 + (5 * (rank() OVER (ORDER BY mon) - 1)) / n AS mm
    FROM m, n) s GROUP BY 1, 2, 3`,
		dialectClickHouse: `WITH m AS (
    SELECT customer_id, dateDiff('day', toDate(max(ts)), (SELECT toDate(max(ts)) FROM orders) + 1) AS rec,
           uniqExact(order_id) AS freq, sum(amount) AS mon
    FROM orders GROUP BY customer_id)
SELECT r, f, mm, count() AS customers FROM (
    SELECT 1 + intDiv(5 * (rank() OVER (ORDER BY rec DESC) - 1), (SELECT count() FROM m)) AS r,
           1 + intDiv(5 * (rank() OVER (ORDER BY freq) - 1), (SELECT count() FROM m)) AS f,
           1 + intDiv(5 * (rank() OVER (ORDER BY mon) - 1), (SELECT count() FROM m)) AS mm
    FROM m) GROUP BY r, f, mm`,
	}},
	{Name: "lifecycle", Title: "lifecycle by week (new, returning, resurrecting, dormant)", SQL: map[string]string{
		dialectMartdb: `SELECT period, status, users FROM lifecycle(events, user_id, ts, period := 'week') WHERE users <> 0`,
		dialectPortable: `WITH a AS (SELECT DISTINCT user_id, date_trunc('week', ts) AS p FROM events),
l AS (SELECT user_id, p, lag(p) OVER (PARTITION BY user_id ORDER BY p) AS prev,
             lead(p) OVER (PARTITION BY user_id ORDER BY p) AS nxt FROM a),
lp AS (SELECT max(p) AS lp FROM a)
SELECT p AS period, CASE WHEN prev IS NULL THEN 'new' WHEN prev = p - INTERVAL '7 days' THEN 'returning'
                         ELSE 'resurrecting' END AS status, count(*) AS users FROM l GROUP BY 1, 2
UNION ALL
SELECT p + INTERVAL '7 days', 'dormant', count(*) FROM l, lp
WHERE (nxt IS NULL OR nxt > p + INTERVAL '7 days') AND p < lp.lp GROUP BY 1`,
		dialectClickHouse: `WITH a AS (SELECT DISTINCT user_id, toMonday(ts) AS p FROM events),
l AS (SELECT user_id, p,
             lagInFrame(toNullable(p)) OVER (PARTITION BY user_id ORDER BY p ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS prev,
             leadInFrame(toNullable(p)) OVER (PARTITION BY user_id ORDER BY p ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS nxt
      FROM a)
SELECT p AS period, multiIf(prev IS NULL, 'new', prev = p - 7, 'returning', 'resurrecting') AS status, count() AS users
FROM l GROUP BY period, status
UNION ALL
SELECT p + 7 AS period, 'dormant' AS status, count() AS users FROM l
WHERE (nxt IS NULL OR nxt > p + 7) AND p < (SELECT max(p) FROM a) GROUP BY p`,
	}},
	{Name: "sessions", Title: "sessionization, 30-minute gap", SQL: map[string]string{
		dialectMartdb: `SELECT count(*) AS sessions, sum(events) AS events, round(sum(duration_seconds)) AS seconds
FROM sessions(events, user_id, ts, gap := INTERVAL 30 MINUTE)`,
		dialectPortable: `WITH g AS (
    SELECT user_id, ts, CASE WHEN lag(ts) OVER w IS NULL OR ts - lag(ts) OVER w > INTERVAL '30 minutes' THEN 1 ELSE 0 END AS new
    FROM events WINDOW w AS (PARTITION BY user_id ORDER BY ts)),
n AS (SELECT user_id, ts, sum(new) OVER (PARTITION BY user_id ORDER BY ts ROWS UNBOUNDED PRECEDING) AS sn FROM g),
s AS (SELECT user_id, sn, count(*) AS events, extract(epoch FROM max(ts) - min(ts)) AS secs FROM n GROUP BY user_id, sn)
SELECT count(*) AS sessions, sum(events) AS events, round(sum(secs)) AS seconds FROM s`,
		dialectClickHouse: `SELECT count() AS sessions, sum(c) AS events, round(sum(secs)) AS seconds FROM (
    SELECT user_id, sn, count() AS c, (max(t) - min(t)) / 1e6 AS secs FROM (
        SELECT user_id, t, sum(new) OVER (PARTITION BY user_id ORDER BY t ROWS UNBOUNDED PRECEDING) AS sn FROM (
            SELECT user_id, t, if(t - lagInFrame(t, 1, toInt64(-1e15)) OVER (PARTITION BY user_id ORDER BY t
                   ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > 1800000000, 1, 0) AS new
            FROM (SELECT user_id, toUnixTimestamp64Micro(ts) AS t FROM events)))
    GROUP BY user_id, sn)`,
	}},
	{Name: "clv", Title: "customer lifetime value (BG/NBD and Gamma-Gamma fits, then per customer), clv_orders", SQL: map[string]string{
		dialectMartdb: `SELECT count(*) AS customers, round(sum(expected_purchases), 1) AS purchases,
       round(sum(clv), 0) AS value, count(*) FILTER (WHERE p_alive < 0.3) AS at_risk
FROM clv(clv_orders, customer_id, ts, amount)`,
	}},
	{Name: "unify_ids", Title: "identity unification of id_pairs (one customer key per connected group)", SQL: map[string]string{
		dialectMartdb: `SELECT count(*) AS ids, count(DISTINCT customer_key) AS customers FROM unify_ids(id_pairs, email, phone)`,
	}},
}

// wireQueries are the wire benchmarks' questions, which every peer runs
// as they are.
var wireQueries = []*query{
	{Name: "point", Title: "point lookup of one customer", Wire: true, SQL: map[string]string{
		dialectMartdb:     `SELECT customer_id, country, channel FROM customers WHERE customer_id = 4242`,
		dialectPortable:   `SELECT customer_id, country, channel FROM customers WHERE customer_id = 4242`,
		dialectClickHouse: `SELECT customer_id, country, channel FROM customers WHERE customer_id = 4242`,
	}},
	{Name: "topn", Title: "top 10 customers by spend (scan and sort)", Wire: true, SQL: map[string]string{
		dialectMartdb:     `SELECT customer_id, sum(amount) AS spent FROM orders GROUP BY customer_id ORDER BY spent DESC, customer_id LIMIT 10`,
		dialectPortable:   `SELECT customer_id, sum(amount) AS spent FROM orders GROUP BY customer_id ORDER BY spent DESC, customer_id LIMIT 10`,
		dialectClickHouse: `SELECT customer_id, sum(amount) AS spent FROM orders GROUP BY customer_id ORDER BY spent DESC, customer_id LIMIT 10`,
	}},
}

// chFunnel is the funnel with ClickHouse's windowFunnel on microsecond
// timestamps (so that sub-second order counts as in the other engines).
func chFunnel(mode string) string {
	return `SELECT step, countIf(level >= step) AS users FROM (
    SELECT user_id, windowFunnel(86400000000` + mode + `)(toUInt64(toUnixTimestamp64Micro(ts)),
        event = 'product_view', event = 'add_to_cart', event = 'checkout', event = 'purchase') AS level
    FROM events GROUP BY user_id)
ARRAY JOIN [1, 2, 3, 4] AS step GROUP BY step`
}
