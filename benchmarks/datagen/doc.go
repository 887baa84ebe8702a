// Package datagen generates a deterministic, seeded online shop: customers
// who sign up over a year, their visits to the shop as events, and the
// orders they place. `martdb demo` loads it so that analysts have data to
// try the marketing functions on (funnels, retention, cohorts, RFM,
// lifecycle stages, sessions), and the benchmark harness in benchmarks/
// loads it at large scales.
//
// # Tables
//
// Generate creates three tables on the connection it is given, in the
// connection's current schema:
//
//	customers(customer_id BIGINT, signup_ts TIMESTAMP, country VARCHAR,
//	          channel VARCHAR, device VARCHAR, email VARCHAR)
//	events(user_id BIGINT, ts TIMESTAMP, event VARCHAR, session_id BIGINT,
//	       properties VARCHAR)
//	orders(order_id BIGINT, customer_id BIGINT, ts TIMESTAMP,
//	       amount DECIMAL(12,2), items INTEGER)
//
// event is one of page_view, product_view, add_to_cart, checkout and
// purchase. properties is short JSON text (about 20 bytes on average): the
// first page_view of a session carries {"utm_source":"<channel>"}, later
// ones {"page":"..."}; product_view {"product_id":N}; add_to_cart
// {"product_id":N,"qty":Q}; checkout {"items":N}; purchase {"order_id":N}.
// Each purchase event has exactly one orders row with that order_id, the
// same customer and the same ts. Timestamps are naive UTC. customer_id runs
// from 1; session_id and order_id run from 1 in the order rows are written.
//
// # Size
//
// Config.Scale 1 is 10,000 customers and about 100,000 events (within a
// few percent, depending on the seed), 25,000 sessions and 2,000 orders;
// everything grows in proportion, so Scale 1000 is about 100 million
// events. The customer count is exact (10,000 x Scale, at least one); the
// rest follows from the customers' behaviour.
//
// # How the shop is modelled
//
// Customers. Signup days spread over the 365 days from Config.Start,
// weighted by the traffic calendar below and growing by 60% over the year;
// the hour follows the daily curve. Each customer draws an acquisition
// channel, a country (21 countries, the US a third of them, a long tail),
// a device (mobile 56%, desktop 37%, tablet 7%) and an example.* email.
// Channels differ downstream:
//
//	channel         share  returns  mean lifetime  add-to-cart factor
//	organic_search   30%     40%       90 days          1.00
//	paid_search      18%     32%       60 days          1.15
//	social           15%     26%       45 days          0.60
//	email            10%     58%      130 days          1.45
//	referral          7%     46%      110 days          1.20
//	direct           14%     52%      120 days          1.30
//	affiliate         6%     28%       50 days          0.85
//
// Visits. The first session starts at signup, through the customer's
// channel. A customer who returns at all visits again as a Poisson process
// whose rate is their own (lognormal, median one visit in about 17 days,
// capped at 2.5 a day, so a few customers are very active) times the
// traffic calendar, fading with age from 1 to 0.3 of itself with a 30-day
// time constant, until they churn (an exponential lifetime with the
// channel's mean) or the data ends 13 months after Start. The process is
// sampled by thinning, and sessions are at least 45 minutes apart, so a
// 30-minute sessionization recovers them exactly. Returning visits come
// through the customer's own channel 45% of the time, else mostly direct,
// email or organic search. The result: about 70% of customers visit once,
// the top tenth of customers make over half of all events, and the share
// of a cohort active 30-59 days after signup (about 13%) is well above the
// share active 60-89 days after (about 8%).
//
// Traffic calendar. Weekdays are busier than weekends (Monday 1.12 down to
// Saturday 0.70, relative), evenings busier than mornings and nights
// nearly empty, and the pre-Christmas season (24 November to 22 December)
// 30% busier.
//
// Sessions. A session is a funnel walked in time order, events seconds to
// minutes apart (never more than 20): a landing page_view and a few more
// page views; then, with probability 55% in a first session and 68% later,
// one or more product views of products drawn by a skewed popularity;
// then add_to_cart with probability 22% times the channel and device
// factors, the customer's own eagerness (lognormal, mean 1) and 1.6 for
// customers who have bought before; then checkout (55%) and purchase
// (72%), each 12 points likelier for repeat buyers. So distinct users
// fall at every funnel step, loyal customers buy repeatedly, and about 2%
// of events are purchases (about 8% of sessions convert, about 4 events a
// session).
//
// Orders. An order is its cart: the sum of quantity times unit price,
// plus 4.99 shipping under 50.00, with items the number of units. Unit
// prices are fixed per product and seed: lognormal around 25, ending in
// .99, so amounts are positive and heavy tailed (median about 40, mean
// about 60, 99th percentile several hundred).
//
// # Determinism
//
// Every customer's rows come from a PCG generator (math/rand/v2) seeded
// from (Seed, customer_id) alone, and product prices from (Seed,
// product_id). Customers are generated in blocks on several goroutines,
// but blocks are appended strictly in order, customer by customer, each
// customer's events in time order, and session and order ids are numbered
// as they are appended. So the same Seed, Scale and Start give the same
// tables row for row, whatever the number of goroutines or the scheduling;
// and a larger Scale only adds customers after the smaller one's, whose
// rows (ids included) come first unchanged. The guarantee is for one
// platform and Go release: the floating-point math library may round
// differently elsewhere, which could change rare rows.
//
// # Writing
//
// Generate appends through DuckDB appenders in one transaction, so a
// failure or cancellation leaves no tables behind, and DuckDB writes a
// file database's data directly rather than through its write-ahead log.
// Memory stays flat at any scale: only a few blocks of 512 customers are
// held at a time (a Go heap of about 10 MiB), and DuckDB spills what it
// has appended to the database file (an in-memory database, of course,
// holds the whole data set). Cancelling the context interrupts the
// appending and rolls everything back.
package datagen
