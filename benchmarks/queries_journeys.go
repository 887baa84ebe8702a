package main

// The questions of the channels-and-journeys functions (attribution,
// paths, basket rules, experiments), each with martdb's function and
// the same answer written by hand in DuckDB SQL. PostgreSQL and
// ClickHouse have no formulation: the interest is what martdb's layer
// costs over the best plain SQL.

// touchesCTE is the marketing touches of the demo shop: the first page
// view of a session carries its channel.
const touchesCTE = `WITH touches AS (SELECT user_id, ts, properties->>'utm_source' AS channel FROM events
    WHERE event = 'page_view' AND properties LIKE '%utm_source%')`

// attributionPlain credits each order to the latest touch of its
// customer in the 30 days up to it (ties to the larger channel name, as
// attribution does), orders without one to '(unattributed)'.
const attributionPlain = touchesCTE + `,
pairs AS (SELECT o.order_id, t.channel,
                 row_number() OVER (PARTITION BY o.order_id ORDER BY t.ts DESC, t.channel DESC) AS rn
          FROM orders o JOIN touches t ON t.user_id = o.customer_id AND t.ts BETWEEN o.ts - INTERVAL 30 DAY AND o.ts),
credited AS (SELECT o.amount, coalesce(p.channel, '(unattributed)') AS channel
             FROM orders o LEFT JOIN pairs p ON p.order_id = o.order_id AND p.rn = 1)
SELECT channel, count(*)::DOUBLE AS conversions, round(sum(amount)::DOUBLE, 2) AS value FROM credited GROUP BY channel`

// attributionLinearPlain splits each order equally among its customer's
// touches in the 30 days up to it.
const attributionLinearPlain = touchesCTE + `,
pairs AS (SELECT o.order_id, t.channel, count(*) OVER (PARTITION BY o.order_id) AS n
          FROM orders o JOIN touches t ON t.user_id = o.customer_id AND t.ts BETWEEN o.ts - INTERVAL 30 DAY AND o.ts),
credited AS (SELECT coalesce(p.channel, '(unattributed)') AS channel, coalesce(1.0 / p.n, 1.0) AS share
             FROM orders o LEFT JOIN pairs p ON p.order_id = o.order_id)
SELECT channel, round(sum(share), 3) AS conversions FROM credited GROUP BY channel`

// pathsPlain is the ten most common first five events of a session (a
// new one after 30 minutes without an event; events at one instant in
// name order), repeats kept.
const pathsPlain = `WITH g AS (
    SELECT user_id, ts, event,
           CASE WHEN lag(ts) OVER w IS NULL OR ts - lag(ts) OVER w > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS new
    FROM events WINDOW w AS (PARTITION BY user_id ORDER BY ts, event)),
s AS (SELECT user_id, ts, event, sum(new) OVER (PARTITION BY user_id ORDER BY ts, event ROWS UNBOUNDED PRECEDING) AS sn FROM g),
p AS (SELECT user_id, list(event ORDER BY ts, event)[1:5] AS path FROM s GROUP BY user_id, sn)
SELECT array_to_string(path, ' > ') AS path, count(*) AS sessions, count(DISTINCT user_id) AS users
FROM p GROUP BY p.path ORDER BY sessions DESC, p.path LIMIT 10`

// viewsCTE is the products viewed in each session: the baskets of the
// basket query.
const viewsCTE = `WITH views AS (SELECT session_id, properties->>'product_id' AS item FROM events WHERE event = 'product_view')`

// basketPlain is apriori for pairs by hand: items in at least 0.1% of
// the sessions, pairs of them as frequent, both directions of each pair
// as rules with confidence at least 5%.
const basketPlain = viewsCTE + `,
v AS (SELECT DISTINCT session_id, item FROM views WHERE session_id IS NOT NULL AND item IS NOT NULL),
n AS (SELECT count(DISTINCT session_id)::DOUBLE AS n FROM v),
f AS (SELECT item, count(*) AS c FROM v GROUP BY item HAVING count(*) / (SELECT n FROM n) >= 0.001),
vf AS (SELECT v.* FROM v JOIN f USING (item)),
pairs AS (SELECT a.item AS x, b.item AS y, count(*) AS c FROM vf a JOIN vf b ON a.session_id = b.session_id AND a.item < b.item
          GROUP BY ALL HAVING count(*) / (SELECT n FROM n) >= 0.001),
rules AS (SELECT x AS ant, y AS con, c FROM pairs UNION ALL SELECT y, x, c FROM pairs),
m AS (SELECT r.c / fa.c AS confidence, (r.c / fa.c) / (fc.c / n.n) AS lift
      FROM rules r JOIN f fa ON fa.item = r.ant JOIN f fc ON fc.item = r.con, n)
SELECT count(*) AS rules, round(max(lift), 4) AS max_lift, round(avg(confidence), 6) AS avg_confidence FROM m WHERE confidence >= 0.05`

// abUsersCTE is one row per user: a variant by the parity of the id, and
// whether the user bought.
const abUsersCTE = `WITH u AS (SELECT user_id, CASE WHEN user_id % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
    bool_or(event = 'purchase') AS converted FROM events GROUP BY user_id)`

// abTestPlain is the two-proportion z statistic of B against A, pooled.
const abTestPlain = abUsersCTE + `,
v AS (SELECT variant, count(*) AS users, count(*) FILTER (WHERE converted) AS conversions FROM u GROUP BY variant),
c AS (SELECT * FROM v WHERE variant = 'A')
SELECT v.variant, v.users, v.conversions,
       CASE WHEN v.variant = 'A' THEN NULL ELSE round((v.conversions / v.users - c.conversions / c.users)
            / sqrt(((v.conversions + c.conversions) / (v.users + c.users)) * (1 - (v.conversions + c.conversions) / (v.users + c.users))
                   * (1 / v.users + 1 / c.users)), 4) END AS z
FROM v, c`

// journeyQueries are the harness's questions for the channels and
// journeys functions.
var journeyQueries = []*query{
	{Name: "attribution", Title: "last-touch attribution of orders to channels, 30-day lookback", SQL: map[string]string{
		dialectMartdb: touchesCTE + `
SELECT channel, conversions, round(value, 2) AS value
FROM attribution(touches, user_id, ts, channel, orders, customer_id, ts, conv_value := amount)`,
		dialectDuckDB: attributionPlain,
	}},
	{Name: "attribution_linear", Title: "linear attribution (conversions split over the touches), 30-day lookback", SQL: map[string]string{
		dialectMartdb: touchesCTE + `
SELECT channel, round(conversions, 3) AS conversions
FROM attribution(touches, user_id, ts, channel, orders, customer_id, ts, model := 'linear')`,
		dialectDuckDB: attributionLinearPlain,
	}},
	{Name: "paths", Title: "ten most common session paths (first 5 events, 30-minute sessions)", SQL: map[string]string{
		dialectMartdb: `SELECT array_to_string(path, ' > ') AS path, sessions, users
FROM paths(events, user_id, ts, event, collapse := false) ORDER BY sessions DESC, path LIMIT 10`,
		dialectDuckDB: pathsPlain,
	}},
	{Name: "basket", Title: "pair rules of products viewed together in a session (support 0.1%, confidence 5%)", SQL: map[string]string{
		dialectMartdb: viewsCTE + `
SELECT count(*) AS rules, round(max(lift), 4) AS max_lift, round(avg(confidence), 6) AS avg_confidence
FROM basket_rules(views, session_id, item, min_support := 0.001, min_confidence := 0.05)`,
		dialectDuckDB: basketPlain,
	}},
	{Name: "ab_test", Title: "A/B readout per user (conversion to purchase, z test)", SQL: map[string]string{
		dialectMartdb: abUsersCTE + `
SELECT variant, users, conversions, round(z, 4) AS z FROM ab_test(u, variant, converted)`,
		dialectDuckDB: abTestPlain,
	}},
}
