// Package rfm is the RFM family of martdb's SQL function library: the
// rfm table report, which scores customers on recency, frequency and
// monetary value and places them in the usual RFM segments. The engine
// registers it, with every other family of sql/library, on each session
// it opens; it is made of temporary macros only, so nothing is written
// into the database file.
//
// # rfm(source, customer, ts, amount, ...) (table)
//
//	rfm(source, customer, ts, amount, as_of := NULL, bins := 5,
//	    order_id := NULL)
//	-> TABLE(customer, first_ts TIMESTAMP, last_ts TIMESTAMP,
//	         recency_days BIGINT, frequency BIGINT, monetary DOUBLE,
//	         r_score INTEGER, f_score INTEGER, m_score INTEGER,
//	         rfm_cell VARCHAR, segment VARCHAR)
//
// source names a table, view or CTE (bare or quoted); customer, ts, amount
// and order_id are expressions over its columns, one row per purchase (or
// per order line, with order_id). The result has one row per customer,
// ordered by customer, whose type is that of the customer expression.
//
// Rows. A row counts when its customer and its ts are not NULL and its ts
// is before as_of (ts < as_of: the report is the picture as of that
// instant, and later rows are ignored, so an earlier as_of replays the
// past). ts may be a TIMESTAMP (any precision), a DATE or a TIMESTAMPTZ; a
// TIMESTAMPTZ is taken at its wall-clock time in the session's TimeZone.
// Every counted row counts, whatever its amount: filter cancelled or
// test orders out of the source first (a view) when they should not count.
//
// as_of. By default date_trunc('day', max(ts)) + INTERVAL 1 DAY, the
// midnight after the last counted ts (rows with a customer and a ts), so
// every row is before it and the most recent customers have recency 1. A
// given as_of is anything that casts to TIMESTAMP (a TIMESTAMP, a DATE, a
// string such as '2025-06-01'); NULL means the default.
//
// The measures of a customer, over their counted rows:
//
//   - first_ts, last_ts: the first and last ts (as TIMESTAMP).
//   - recency_days: date_diff('day', last_ts, as_of), the number of
//     midnights between the last purchase and as_of, i.e. the calendar-day
//     difference as_of::DATE - last_ts::DATE. It is 1 for a purchase on the
//     last day with the default as_of, 0 for a purchase earlier on the day
//     of an as_of with a time of day.
//   - frequency: count(DISTINCT order_id) when order_id is given (NULL
//     order ids are not counted, so a customer whose rows all have one has
//     frequency 0), else the number of rows.
//   - monetary: sum(amount). amount must be numeric; each value is
//     converted to DECIMAL(38,6) before summing, so the sum is exact and
//     equal spending is equal whatever the order of the rows (0.1 + 0.2
//     in DOUBLE amounts equals 0.3). The exact sum is what is ranked;
//     monetary shows it as a DOUBLE. A NULL amount adds 0 (its row still
//     counts for frequency and recency); a customer with only NULL amounts
//     has monetary 0. Negative amounts are allowed and subtract: refunds
//     recorded as negative rows reduce the spend, which may end at 0 or
//     below.
//
// # Scores
//
// Each measure is scored 1..bins over the n customers of the result by
// the exact rule
//
//	score = 1 + floor(bins * (rank - 1) / n)
//
// (integer arithmetic), where rank is SQL rank() over the customers
// ordered by frequency ascending (f_score), monetary ascending (m_score),
// or recency_days descending (r_score, so that the most recent customers,
// with the fewest days, score bins). rank() gives tied customers the same
// rank, the lowest of their positions (1 + the number of customers with a
// strictly worse value), so:
//
//   - equal values always get equal scores, and the result does not
//     depend on the order of the rows;
//   - without ties the customers at positions 0..n-1 (rank - 1) are cut
//     into bins runs of consecutive positions whose sizes differ by at most
//     one (floor or ceil of n/bins): position p gets score k exactly when
//     ceil((k-1)n/bins) <= p < ceil(kn/bins);
//   - a group of tied customers is never split: it takes the score of its
//     first position, so runs are as even as the ties allow, a large tie
//     group making its run larger and possibly leaving the scores just
//     above it unused (when most customers bought once they all get
//     f_score 1, and the next frequency starts where that group ends);
//   - a value shared by every customer scores 1 for all of them; with
//     fewer customers than bins some scores are unused (n = 3, bins = 5
//     gives 1, 2 and 4).
//
// This differs on purpose from NTILE (which splits ties arbitrarily) and
// from pandas' qcut over rank(method="first") found in many RFM notebooks
// (same defect). recency is ranked on recency_days, so customers whose last
// purchases fall on the same calendar day tie.
//
// rfm_cell is the three scores written together, R then F then M: '545'.
// With bins = 10 a score may have two digits, so the cell is written with
// dashes there: '10-3-7'.
//
// # Segments
//
// segment names the customer's (r_score, f_score) cell in the ten-segment
// R x F map that circulates in public RFM analyses, usually written as a
// dictionary of regular expressions over the two-digit "RF" string (for
// example in the many Python notebooks that segment the UCI Online Retail
// customers with pandas, seg_map). Its rules:
//
//	RF regex     segment
//	[1-2][1-2]   hibernating
//	[1-2][3-4]   at_risk
//	[1-2]5       cant_lose
//	3[1-2]       about_to_sleep
//	33           need_attention
//	[3-4][4-5]   loyal_customers
//	41           promising
//	51           new_customers
//	[4-5][2-3]   potential_loyalists
//	5[4-5]       champions
//
// which cover the 25 cells exactly once:
//
//	         F=1             F=2                  F=3                  F=4              F=5
//	R=5  new_customers   potential_loyalists  potential_loyalists  champions        champions
//	R=4  promising       potential_loyalists  potential_loyalists  loyal_customers  loyal_customers
//	R=3  about_to_sleep  about_to_sleep       need_attention       loyal_customers  loyal_customers
//	R=2  hibernating     hibernating          at_risk              at_risk          cant_lose
//	R=1  hibernating     hibernating          at_risk              at_risk          cant_lose
//
// Names are written in lower snake case (the notebooks vary in case and
// spell cant_lose "cant_loose"). m_score plays no part, as in the source.
// The map is defined for five bins only: with bins other than 5 segment is
// NULL, rather than a rescaling of scores that the published map does not
// define.
//
// # Errors
//
// Options are checked on a one-row CTE every step depends on, so a bad
// value fails even on an empty source, with "rfm: <argument>: expected
// ..., got ...": bins (not a whole number from 2 to 10, or NULL) and as_of
// (not castable to TIMESTAMP). A ts column of another type fails with "rfm:
// ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR", an
// amount that is not numeric with "rfm: amount: expected a numeric column,
// got VARCHAR", and an amount that does not fit DECIMAL(38,6) (NaN,
// infinity, 1e32 or more) with "rfm: amount: ... does not fit": these
// need a row to fail on, so an empty source returns the empty table.
//
// Cost. An aggregate by customer over the source (and its maximum ts for
// the default as_of), then three sorts of the customers for the ranks:
// tens of milliseconds for the demo shop's orders at scale 10, under half
// a second for a million rows of 100,000 customers (bench_test.go).
package rfm
